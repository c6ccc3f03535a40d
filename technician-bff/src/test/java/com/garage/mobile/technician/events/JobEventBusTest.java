package com.garage.mobile.technician.events;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.event.JobEventMessage;
import com.garage.mobile.platform.events.JobEventStream;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class JobEventBusTest {

    @Inject
    DataSource dataSource;

    @Inject
    JobEventStream events;

    Rows rows;
    GarageFixture garage;
    Person tom;
    UUID jobId;
    List<JobEventMessage> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void createJob() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        tom = garage.technician("Tom Reyes");
        Person carl = garage.customer("Carl", "Jensen");
        jobId = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).create();
        events.arrivals().subscribe().with(received::add);
    }

    @Test
    void committedChangeIsPublishedToEveryPodAndMarkedPublished() {
        given().auth().oauth2(TOKENS.of(tom)).contentType(ContentType.JSON)
                .body(Map.of("status", "IN_PROGRESS", "baseVersion", 0))
                .when().post("/api/v1/jobs/" + jobId + "/status").then().statusCode(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> eventsFor(jobId).size() == 1);
        JobEventMessage event = eventsFor(jobId).get(0);
        assertEquals(1, event.seq());
        assertEquals("job.status-changed", event.type());
        assertEquals("IN_PROGRESS", event.payload().get("to"));
        assertEquals(1L, rows.count("select count(*) from job_event where job_id = ? and published_at is not null",
                jobId));
    }

    @Test
    void anEventTakesItsPublicationMarkAndNoOtherChange() {
        given().auth().oauth2(TOKENS.of(tom)).contentType(ContentType.JSON)
                .body(Map.of("status", "IN_PROGRESS", "baseVersion", 0))
                .when().post("/api/v1/jobs/" + jobId + "/status").then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> rows.count(
                "select count(*) from job_event where job_id = ? and published_at is not null", jobId) == 1);
        Map<String, Object> published = rows.one("select * from job_event where job_id = ?", jobId);

        for (String change : List.of("update job_event set payload = '{\"to\": \"CLOSED\"}' where job_id = ?",
                "update job_event set published_at = null, seq = 2 where job_id = ?",
                "delete from job_event where job_id = ?")) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> garage.sql(change, jobId));
            assertTrue(refused.getCause().getMessage().contains("job_event is append-only"), change);
        }
        garage.sql("update job_event set published_at = published_at + interval '1 second' where job_id = ?", jobId);

        Map<String, Object> now = rows.one("select * from job_event where job_id = ?", jobId);
        assertEquals(published.get("payload").toString(), now.get("payload").toString());
        assertEquals(published.get("seq"), now.get("seq"));
        assertNotEquals(published.get("published_at"), now.get("published_at"), "the mark alone may change");
    }

    @Test
    void relayPublishesWhatItsWriterNeverDid() {
        garage.sql("update job_card set last_event_seq = 1 where id = ?", jobId);
        garage.sql("insert into job_event (garage_id, job_id, seq, type, customer_visible, payload, actor_subject,"
                + " actor_role, occurred_at) values (?, ?, 1, 'job.status-changed', true,"
                + " '{\"from\": \"OPEN\", \"to\": \"IN_PROGRESS\"}'::jsonb, ?, 'technician', now() - interval '1 minute')",
                garage.garageId, jobId, tom.subject());

        await().atMost(Duration.ofSeconds(15)).until(() -> eventsFor(jobId).size() == 1);
        // The relay marks the row in the transaction that put it on the stream, which may commit just after receipt.
        await().atMost(Duration.ofSeconds(5)).until(() -> rows.count(
                "select count(*) from job_event where job_id = ? and published_at is not null", jobId) == 1);
    }

    @Test
    void relayPublishesSeveralEventsInTheirOrder() {
        garage.sql("update job_card set last_event_seq = 3 where id = ?", jobId);
        for (String to : List.of("IN_PROGRESS", "AWAITING_PARTS", "IN_PROGRESS")) {
            garage.sql("insert into job_event (garage_id, job_id, seq, type, customer_visible, payload, actor_subject,"
                    + " actor_role, occurred_at) select ?, ?, coalesce(max(seq), 0) + 1, 'job.status-changed', true,"
                    + " jsonb_build_object('to', ?::text), ?, 'technician', now() - interval '1 minute'"
                    + " from job_event where job_id = ?", garage.garageId, jobId, to, tom.subject(), jobId);
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> eventsFor(jobId).size() == 3);
        assertEquals(List.of(1, 2, 3), eventsFor(jobId).stream().map(JobEventMessage::seq).toList());
        assertEquals(List.of("IN_PROGRESS", "AWAITING_PARTS", "IN_PROGRESS"),
                eventsFor(jobId).stream().map(event -> event.payload().get("to")).toList());
        await().atMost(Duration.ofSeconds(5)).until(() -> rows.count(
                "select count(*) from job_event where job_id = ? and published_at is not null", jobId) == 3);
    }

    private List<JobEventMessage> eventsFor(UUID job) {
        return received.stream().filter(e -> e.jobId().equals(job)).toList();
    }
}
