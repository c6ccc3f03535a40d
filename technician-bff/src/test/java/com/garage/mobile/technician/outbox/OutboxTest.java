package com.garage.mobile.technician.outbox;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.outbound.RemoteUnavailableException;
import com.garage.mobile.platform.outbox.NewWork;
import com.garage.mobile.platform.outbox.Outbox;
import com.garage.mobile.platform.outbox.OutboxDispatcher;
import com.garage.mobile.platform.outbox.Outcome;
import com.garage.mobile.technician.notifications.PushProviderStubs;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox's mechanism, driven through a kind of work that exists only in tests: leases across
 * concurrent passes, work due later not held up by a slow item, backoff, dead letters and their replay by an admin, time to live. The clock
 * stands still, so nothing comes due until the test moves it (the test pace retries after 1 s,
 * doubling up to 2 s, three attempts).
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PushProviderStubs.class)
class OutboxTest {

    private static final Supplier<Uni<Outcome>> UNAVAILABLE =
            () -> Uni.createFrom().failure(new RemoteUnavailableException("test remote", "answered 503"));

    @Inject
    DataSource dataSource;

    @Inject
    Pool pool;

    @Inject
    Outbox outbox;

    @Inject
    OutboxDispatcher dispatcher;

    @Inject
    ScriptedHandler handler;

    StoppedClock clock;
    GarageFixture garage;
    Rows rows;

    @BeforeEach
    void stoppedClock() {
        clock = new StoppedClock();
        QuarkusMock.installMockForType(clock, GarageClock.class);
        garage = GarageFixture.create(dataSource);
        rows = new Rows(dataSource);
    }

    @Test
    void anItemIsLeasedOnceAcrossConcurrentPasses() throws Exception {
        String key = key();
        CompletableFuture<Outcome> remoteAnswer = new CompletableFuture<>();
        handler.script(key, List.of(() -> Uni.createFrom().completionStage(remoteAnswer)));
        enqueue(key, null, Duration.ofHours(1));

        CompletableFuture<List<Integer>> passes = Uni.join().all(dispatcher.pass(), dispatcher.pass())
                .andFailFast().subscribeAsCompletionStage().toCompletableFuture();
        await().atMost(Duration.ofSeconds(10)).until(() -> handler.calls(key) == 1);
        assertEquals("SENDING", item(key).get("status"));
        dispatcher.pass().await().atMost(Duration.ofSeconds(10));
        remoteAnswer.complete(new Outcome.Delivered("receipt-1"));
        passes.get(10, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(item(key).get("status")));
        assertEquals(1, handler.calls(key));
        assertEquals("receipt-1", item(key).get("receipt"));
    }

    @Test
    void aSlowItemDoesNotHoldUpWorkThatComesDueWhileItWaits() throws Exception {
        String slow = key();
        String fast = key();
        CompletableFuture<Outcome> slowAnswer = new CompletableFuture<>();
        handler.script(slow, List.of(() -> Uni.createFrom().completionStage(slowAnswer)));
        enqueue(slow, null, Duration.ofHours(1));
        CompletableFuture<Integer> slowPass = dispatcher.dispatchOnce().subscribeAsCompletionStage().toCompletableFuture();
        await().atMost(Duration.ofSeconds(10)).until(() -> handler.calls(slow) == 1);

        enqueue(fast, null, Duration.ofHours(1));
        dispatcher.dispatchOnce().await().atMost(Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(item(fast).get("status")));
        assertEquals("SENDING", item(slow).get("status"), "still with its remote");

        slowAnswer.complete(new Outcome.Delivered("receipt-slow"));
        slowPass.get(10, TimeUnit.SECONDS);
        // The pod's own pass, every second, may be the one that took the slow item and still be recording it.
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(item(slow).get("status")));
        assertEquals(1, handler.calls(slow));
        assertEquals(1, handler.calls(fast));
    }

    @Test
    void theItemsOfAPassAreHandledOnContextsOfTheirOwn() {
        List<String> keys = List.of(key(), key());
        Map<String, Context> contexts = new ConcurrentHashMap<>();
        keys.forEach(key -> handler.script(key, List.of(() -> {
            contexts.put(key, Vertx.currentContext());
            return Uni.createFrom().item(new Outcome.Delivered("receipt"));
        })));
        pool.withTransaction(connection -> outbox.enqueue(connection,
                        keys.stream().map(key -> work(key, null, Duration.ofHours(1))).toList()))
                .await().atMost(Duration.ofSeconds(10));

        dispatcher.dispatchSoon();
        await().atMost(Duration.ofSeconds(10)).until(() -> keys.stream()
                .allMatch(key -> "DELIVERED".equals(item(key).get("status"))));
        assertEquals(2, contexts.size());
        assertNotSame(contexts.get(keys.get(0)), contexts.get(keys.get(1)));
    }

    @Test
    void aCrashedPodsItemIsTakenOverWhenItsLeaseEnds() {
        String key = key();
        enqueueLeasedToACrashedPod(key, clock.now().plusSeconds(60));

        dispatcher.pass().await().atMost(Duration.ofSeconds(10));
        assertEquals("SENDING", item(key).get("status"), "still leased to the crashed pod");
        assertEquals(0, handler.calls(key));

        clock.advance(Duration.ofSeconds(61));
        dispatcher.pass().await().atMost(Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(item(key).get("status")));
        assertEquals(1, handler.calls(key));
    }

    @Test
    void failedWorkIsRetriedWithBackoffThenDeadLetteredAndReplayedByAnAdmin() {
        Person admin = garage.admin("Ada Brennan");
        Person technician = garage.technician("Tom Reyes");
        Person otherAdmin = GarageFixture.create(dataSource).admin("Otto");
        String key = key();
        handler.script(key, List.of(UNAVAILABLE, UNAVAILABLE, UNAVAILABLE));
        enqueue(key, null, Duration.ofHours(1));

        Instant first = clock.now();
        attemptsReach(key, 1);
        assertEquals("PENDING", item(key).get("status"));
        assertTrue(((String) item(key).get("last_error")).contains("answered 503"));
        assertWaitBetween(key, first.plusSeconds(1), first.plusMillis(1_100));
        dispatcher.pass().await().atMost(Duration.ofSeconds(10));
        assertEquals(1, handler.calls(key), "not due before its backoff ends");

        clock.advance(Duration.ofMillis(1_200));
        Instant second = clock.now();
        attemptsReach(key, 2);
        assertWaitBetween(key, second.plusSeconds(2), second.plusMillis(2_200));

        clock.advance(Duration.ofMillis(2_300));
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            dispatcher.pass().await().atMost(Duration.ofSeconds(10));
            return "DEAD".equals(item(key).get("status"));
        });
        assertEquals(3, handler.calls(key));
        long workId = (Long) item(key).get("id");

        String letter = given().auth().oauth2(TOKENS.of(admin)).queryParam("kind", ScriptedHandler.KIND)
                .when().get("/api/v1/admin/outbox/dead-letters")
                .then().statusCode(200)
                .body("items[0].workId", equalTo((int) workId))
                .body("items[0].kind", equalTo(ScriptedHandler.KIND))
                .body("items[0].summary.subject", equalTo(key))
                .body("items[0].attempts", equalTo(3))
                .body("items[0].reason", equalTo("gave up after 3 attempts: RemoteUnavailableException:"
                        + " test remote: answered 503"))
                .extract().path("items[0].id");
        given().auth().oauth2(TOKENS.of(technician)).when().get("/api/v1/admin/outbox/dead-letters")
                .then().statusCode(403);
        given().auth().oauth2(TOKENS.of(otherAdmin)).when().get("/api/v1/admin/outbox/dead-letters")
                .then().statusCode(200).body("items.size()", equalTo(0));
        given().auth().oauth2(TOKENS.of(otherAdmin))
                .when().post("/api/v1/admin/outbox/dead-letters/" + letter + "/replay")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TOKENS.of(admin))
                .when().post("/api/v1/admin/notifications/dead-letters/" + letter + "/replay")
                .then().statusCode(404);
        assertEquals("DEAD", item(key).get("status"));

        given().auth().oauth2(TOKENS.of(admin))
                .when().post("/api/v1/admin/outbox/dead-letters/" + letter + "/replay")
                .then().statusCode(200)
                .body("replayedBy", equalTo(admin.subject()))
                .body("replayedAt", notNullValue());
        assertEquals(0, item(key).get("attempts"));

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            dispatcher.pass().await().atMost(Duration.ofSeconds(10));
            return "DELIVERED".equals(item(key).get("status"));
        });
        assertEquals(4, handler.calls(key));
        assertEquals("SUCCESS", rows.one("select outcome from audit_entry where garage_id = ? and action = ?",
                garage.garageId, ScriptedHandler.KIND + ".replay-dead-letter").get("outcome"));
        given().auth().oauth2(TOKENS.of(admin))
                .when().post("/api/v1/admin/outbox/dead-letters/" + letter + "/replay")
                .then().statusCode(409).body("type", equalTo("urn:garage:problem:invalid-transition"));
    }

    @Test
    void workPastItsTimeToLiveExpiresOrDiesIfItWasTried() {
        String untried = key();
        String tried = key();
        handler.script(tried, List.of(UNAVAILABLE));
        enqueue(untried, ScriptedHandler.PAUSED, Duration.ofMinutes(10));
        enqueue(tried, null, Duration.ofMinutes(10));
        attemptsReach(tried, 1);

        clock.advance(Duration.ofMinutes(11));
        dispatcher.pass().await().atMost(Duration.ofSeconds(10));

        await().atMost(Duration.ofSeconds(10)).until(() -> "DEAD".equals(item(tried).get("status")));
        assertEquals("EXPIRED", item(untried).get("status"));
        assertEquals(0, handler.calls(untried));
        assertEquals(1, handler.calls(tried));
        assertTrue(((String) rows.one("select l.reason from outbound_dead_letter l join outbound_work w"
                + " on w.id = l.work_id where w.kind = ? and w.dedupe_key = ?", ScriptedHandler.KIND, tried)
                .get("reason")).startsWith("expired after 1 failed attempt(s)"));
    }

    private void attemptsReach(String key, int attempts) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            dispatcher.pass().await().atMost(Duration.ofSeconds(10));
            return ((Integer) item(key).get("attempts")) == attempts;
        });
        assertEquals(attempts, handler.calls(key));
    }

    private void assertWaitBetween(String key, Instant earliest, Instant latest) {
        Instant next = ((Timestamp) item(key).get("next_attempt_at")).toInstant();
        assertTrue(!next.isBefore(earliest) && !next.isAfter(latest),
                "next attempt at " + next + ", expected between " + earliest + " and " + latest);
    }

    private void enqueue(String key, String route, Duration ttl) {
        pool.withTransaction(connection -> outbox.enqueue(connection, List.of(work(key, route, ttl))))
                .await().atMost(Duration.ofSeconds(10));
    }

    private NewWork work(String key, String route, Duration ttl) {
        return new NewWork(ScriptedHandler.KIND, garage.garageId, key, route, new JsonObject().put("subject", key),
                clock.now(), clock.now().plus(ttl));
    }

    /** Enqueued and leased in one transaction, so that no pass of this pod takes it first. */
    private void enqueueLeasedToACrashedPod(String key, Instant leaseUntil) {
        pool.withTransaction(connection -> outbox.enqueue(connection, List.of(work(key, null, Duration.ofHours(1))))
                .chain(() -> connection.preparedQuery("update outbound_work set status = 'SENDING', lease_until = $1"
                        + " where kind = $2 and dedupe_key = $3")
                        .execute(Tuple.of(leaseUntil.atOffset(ZoneOffset.UTC),
                                ScriptedHandler.KIND, key))))
                .await().atMost(Duration.ofSeconds(10));
    }

    private Map<String, Object> item(String key) {
        return rows.one("select id, status, attempts, next_attempt_at, last_error, receipt from outbound_work"
                + " where kind = ? and dedupe_key = ?", ScriptedHandler.KIND, key);
    }

    private static String key() {
        return "scripted-" + UUID.randomUUID();
    }
}
