package com.garage.mobile.customer.live;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.job.JobAssignmentService;
import com.garage.mobile.domain.job.JobStatus;
import com.garage.mobile.domain.job.JobStatusService;
import com.garage.mobile.testing.CapturedLog;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.LiveClient;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import com.garage.mobile.testing.TestTokens;
import com.garage.mobile.testing.Workshop;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.websockets.next.CloseReason;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The customer app's live channel: the job topic as customers may see it. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class LiveJobUpdatesTest {

    static final String PATH = LiveClient.PATH;

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    @Inject
    JobStatusService statuses;

    @Inject
    JobAssignmentService assignments;

    Rows rows;
    Workshop workshop;
    GarageFixture garage;
    Person alice;
    Person tom;
    Person carl;
    Person cora;
    UUID carlsJob;
    UUID corasJob;
    final List<LiveClient> clients = new ArrayList<>();

    @BeforeEach
    void createGarage() {
        rows = new Rows(dataSource);
        workshop = new Workshop(statuses, assignments);
        garage = GarageFixture.create(dataSource);
        alice = garage.advisor("Alice Morgan");
        tom = garage.technician("Tom Reyes");
        carl = garage.customer("Carl", "Jensen");
        cora = garage.customer("Cora", "Li");
        carlsJob = garage.job(carl, garage.vehicle(carl)).create();
        corasJob = garage.job(cora, garage.vehicle(cora)).create();
    }

    @AfterEach
    void disconnect() {
        clients.forEach(LiveClient::close);
    }

    @Test
    void customersFollowOnlyTheCustomerVisibleEventsOfTheirOwnJobs() {
        GarageFixture otherGarage = GarageFixture.create(dataSource);
        Person otherAdvisor = otherGarage.advisor("Olaf Berg");
        Person olga = otherGarage.customer("Olga", "Berg");
        UUID olgasJob = otherGarage.job(olga, otherGarage.vehicle(olga)).create();
        LiveClient carlsApp = connect(carl, null);
        LiveClient corasApp = connect(cora, null);
        LiveClient olgasApp = connect(olga, null);

        workshop.change(alice, carlsJob, JobStatus.IN_PROGRESS);
        workshop.assign(alice, carlsJob, tom);
        workshop.change(alice, corasJob, JobStatus.IN_PROGRESS);
        workshop.change(otherAdvisor, olgasJob, JobStatus.IN_PROGRESS);
        workshop.change(alice, carlsJob, JobStatus.AWAITING_PARTS);

        List<JsonObject> carls = carlsApp.awaitEvents(2);
        List<JsonObject> coras = corasApp.awaitEvents(1);
        List<JsonObject> olgas = olgasApp.awaitEvents(1);
        assertEquals(List.of(carlsJob.toString(), carlsJob.toString()), jobsOf(carls));
        assertEquals(List.of("job.status-changed", "job.status-changed"),
                carls.stream().map(e -> e.getString("event")).toList());
        assertEquals(List.of(1, 3), carls.stream().map(e -> e.getInteger("seq")).toList(),
                "the internal assignment (seq 2) is left out");
        assertEquals(new JsonObject().put("status", "IN_PROGRESS").put("previousStatus", "OPEN"),
                carls.get(0).getJsonObject("data"));
        assertFalse(carls.get(0).containsKey("actorRole"), "customers do not learn who in the workshop acted");
        assertEquals("job", carls.get(0).getString("topic"));
        assertEquals(List.of(corasJob.toString()), jobsOf(coras));
        assertEquals(List.of(olgasJob.toString()), jobsOf(olgas));
        assertEquals(ids("select id from job_event where job_id = ? and customer_visible order by seq", carlsJob),
                carlsApp.eventIds());

        String metrics = given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("garage_live_connections"))
                .body(containsString("garage_live_events_delivered_total"))
                .body(containsString("garage_live_delivery_lag_seconds")).extract().asString();
        Matcher handedOver = Pattern.compile("(?m)^garage_live_delivery_lag_seconds_bucket"
                + "\\{[^}]*le=\"\\+Inf\"[^}]*} (\\S+)").matcher(metrics);
        assertTrue(handedOver.find(), "the lag is published as buckets too, which add up over pods and intervals");
        assertTrue(Double.parseDouble(handedOver.group(1)) >= 4, "the four hand-overs above are counted");
    }

    @Test
    void reconnectingClientGetsExactlyTheEventsItMissed() {
        LiveClient before = connect(carl, null);
        workshop.change(alice, carlsJob, JobStatus.IN_PROGRESS);
        long lastSeen = before.awaitEvents(1).get(0).getLong("eventId");
        before.close();

        workshop.change(alice, carlsJob, JobStatus.AWAITING_PARTS);
        workshop.change(alice, carlsJob, JobStatus.IN_PROGRESS);
        workshop.change(alice, carlsJob, JobStatus.AWAITING_PARTS);
        List<Long> missed = ids("select id from job_event where job_id = ? and id > ? order by id", carlsJob, lastSeen);

        LiveClient after = connect(carl, lastSeen);
        JsonObject caughtUp = after.await("caught-up");
        assertEquals(missed, after.eventIds());
        assertEquals(3, caughtUp.getInteger("replayed"));
        assertEquals(missed.get(2), caughtUp.getLong("lastEventId"));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("garage_live_replays_total{outcome=\"replayed\"}"))
                .body(containsString("garage_live_events_replayed_total"));

        workshop.change(alice, carlsJob, JobStatus.IN_PROGRESS);
        assertEquals(List.of(2, 3, 4, 5), after.awaitEvents(4).stream().map(e -> e.getInteger("seq")).toList());
    }

    @Test
    void eventsCommittedDuringTheReplayArriveOnceAndInOrder() {
        LiveClient before = connect(carl, null);
        workshop.change(alice, carlsJob, JobStatus.IN_PROGRESS);
        long lastSeen = before.awaitEvents(1).get(0).getLong("eventId");
        before.close();

        CompletableFuture<Void> changes = CompletableFuture.runAsync(() -> IntStream.range(0, 8).forEach(i ->
                workshop.change(alice, carlsJob, i % 2 == 0 ? JobStatus.AWAITING_PARTS : JobStatus.IN_PROGRESS)));
        LiveClient after = connect(carl, lastSeen);
        changes.join();

        List<JsonObject> events = after.awaitEvents(8);
        assertEquals(IntStream.rangeClosed(2, 9).boxed().toList(),
                events.stream().map(e -> e.getInteger("seq")).toList());
        assertEquals(ids("select id from job_event where job_id = ? and seq > 1 order by seq", carlsJob),
                after.eventIds());
    }

    @Test
    void eventMissingFromTheStreamIsReadFromPostgresBeforeTheNextOne() {
        LiveClient app = connect(carl, null);
        workshop.change(alice, carlsJob, JobStatus.IN_PROGRESS);
        app.awaitEvents(1);
        // Committed but never published, as if its writer died right after the commit.
        garage.sql("with next as (update job_card set last_event_seq = last_event_seq + 1 where id = ?"
                + " returning garage_id, id, last_event_seq) insert into job_event (garage_id, job_id, seq, type,"
                + " customer_visible, payload, actor_subject, actor_role) select garage_id, id, last_event_seq,"
                + " 'job.status-changed', true, '{\"from\": \"IN_PROGRESS\", \"to\": \"QUALITY_CHECK\"}', 'lost',"
                + " 'advisor' from next", carlsJob);
        workshop.change(alice, carlsJob, JobStatus.AWAITING_PARTS);

        List<JsonObject> events = app.awaitEvents(3);
        assertEquals(List.of(1, 2, 3), events.stream().map(e -> e.getInteger("seq")).toList());
        assertEquals("QUALITY_CHECK", events.get(1).getJsonObject("data").getString("status"));
    }

    @Test
    void resumingFromAnEventOlderThanTheReplayWindowAsksForAResync() {
        garage.sql("with next as (update job_card set last_event_seq = last_event_seq + 1 where id = ?"
                + " returning garage_id, id, last_event_seq) insert into job_event (garage_id, job_id, seq, type,"
                + " customer_visible, payload, actor_subject, actor_role, occurred_at, published_at)"
                + " select garage_id, id, last_event_seq, 'job.status-changed', true,"
                + " '{\"from\": \"OPEN\", \"to\": \"IN_PROGRESS\"}', 'old', 'advisor', now() - interval '2 days',"
                + " now() - interval '2 days' from next", carlsJob);
        long old = ids("select id from job_event where job_id = ?", carlsJob).get(0);

        LiveClient app = connect(carl, old);
        JsonObject resync = app.await("resync");
        assertEquals("too-old", resync.getString("reason"));
        assertEquals("/api/v1/sync", resync.getString("syncPath"));
        app.await("caught-up");

        workshop.change(alice, carlsJob, JobStatus.IN_PROGRESS);
        assertEquals(2, app.awaitEvents(1).get(0).getInteger("seq"), "live events follow the resync hint");
    }

    @Test
    void anotherCustomersEventIdReplaysNothing() {
        workshop.change(alice, corasJob, JobStatus.IN_PROGRESS);
        workshop.change(alice, corasJob, JobStatus.AWAITING_PARTS);
        long corasFirst = ids("select id from job_event where job_id = ? order by seq", corasJob).get(0);

        LiveClient app = connect(carl, corasFirst);
        assertEquals("unknown-event", app.await("resync").getString("reason"));
        app.await("caught-up");
        assertEquals(List.of(), app.events());
    }

    @Test
    void malformedLastEventIdClosesWithAReason() {
        LiveClient app = track(LiveClient.connect(base, PATH + "?lastEventId=abc", TOKENS.of(carl), null));
        CloseReason reason = app.awaitClosed();
        assertEquals(4400, reason.getCode());
        assertTrue(reason.getMessage().contains("lastEventId"), reason.getMessage());
    }

    @Test
    void connectionClosesWhenItsTokenExpires() {
        String shortLived = TOKENS.builder(carl).expiresAt(Instant.now().plusSeconds(4)).sign();
        LiveClient app = track(LiveClient.connect(base, PATH, shortLived, null));
        app.await("caught-up");

        CloseReason reason = app.awaitClosed();
        assertEquals(1008, reason.getCode());
        assertEquals("Authentication expired", reason.getMessage());
    }

    @Test
    void handshakeWithoutACustomerTokenIsRefusedOnceAndNotLoggedAsAServerError() {
        try (CapturedLog log = CapturedLog.start()) {
            assertEquals(401, refusal("not-a-token"));
            assertEquals(401, refusal(new TestTokens("technician-bff").of(alice)), "the other app's token");
            assertEquals(403, refusal(TOKENS.stranger(garage.garageId, "customer").sign()), "no customer of ours");
            assertEquals(List.of(), log.errors());
        }
    }

    /** The handshake's answer to the token, which must be a refusal. */
    private int refusal(String token) {
        var handshake = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .buildAsync(URI.create("ws://" + base.getAuthority() + PATH), new WebSocket.Listener() {
                });
        var failure = assertThrows(ExecutionException.class, () -> handshake.get(30, TimeUnit.SECONDS));
        return assertInstanceOf(WebSocketHandshakeException.class, failure.getCause()).getResponse().statusCode();
    }

    @Test
    void browserSendsItsTokenAsASubprotocol() {
        LiveClient browser = track(LiveClient.connectAsBrowser(base, PATH, TOKENS.of(carl)));
        assertEquals("garage-live.v2", browser.connection().subprotocol());
        browser.await("caught-up");

        workshop.change(alice, carlsJob, JobStatus.IN_PROGRESS);
        assertEquals(carlsJob.toString(), browser.awaitEvents(1).get(0).getString("jobId"));
    }

    @Test
    void aJobsFirstEventLeftToTheRelayStillArrivesBeforeItsSecond() {
        LiveClient carlsApp = connect(carl, null);
        // The job's first change was committed but its writer could not publish it (Redis busy):
        // it waits for the relay while the second change goes straight on the stream.
        garage.sql("update job_card set last_event_seq = 1 where id = ?", carlsJob);
        garage.sql("insert into job_event (garage_id, job_id, seq, type, customer_visible, payload, actor_subject,"
                + " actor_role, occurred_at, customer_id) values (?, ?, 1, 'job.status-changed', true,"
                + " '{\"from\": \"OPEN\", \"to\": \"IN_PROGRESS\"}'::jsonb, ?, 'advisor', now(), ?)",
                garage.garageId, carlsJob, alice.subject(), carl.id());
        garage.sql("update job_card set status = 'IN_PROGRESS' where id = ?", carlsJob);

        workshop.change(alice, carlsJob, JobStatus.AWAITING_PARTS);

        assertEquals(List.of(1, 2), carlsApp.awaitEvents(2).stream().map(e -> e.getInteger("seq")).toList());
        assertEquals(ids("select id from job_event where job_id = ? order by seq", carlsJob), carlsApp.eventIds());
    }

    private LiveClient connect(Person person, Long lastEventId) {
        LiveClient client = track(LiveClient.connect(base, PATH, TOKENS.of(person), lastEventId));
        client.await("caught-up");
        return client;
    }

    private LiveClient track(LiveClient client) {
        clients.add(client);
        return client;
    }

    private List<Long> ids(String sql, Object... params) {
        return rows.query(sql, params).stream().map(row -> ((Number) row.get("id")).longValue()).toList();
    }

    private static List<String> jobsOf(List<JsonObject> events) {
        return events.stream().map(e -> e.getString("jobId")).toList();
    }
}
