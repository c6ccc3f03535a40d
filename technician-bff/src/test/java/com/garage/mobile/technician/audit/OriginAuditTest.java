package com.garage.mobile.technician.audit;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Origin;
import com.garage.mobile.domain.audit.AuditChainVerifier;
import com.garage.mobile.domain.audit.AuditSequencer;
import com.garage.mobile.domain.audit.ChainBreak;
import com.garage.mobile.domain.audit.ChainReport;
import com.garage.mobile.domain.job.JobStatus;
import com.garage.mobile.domain.job.JobStatusService;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.notification.pipeline.AppointmentReminders;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Changes that come through a partner's webhook or a scheduled job go through the same domain
 * services as the apps' requests, and the trail names the channel, request, device and address
 * the origin gave, chained with the apps' entries.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class OriginAuditTest {

    private static final String ORIGIN_COLUMNS = "select actor_subject, actor_role, channel, request_id, device_id,"
            + " client_ip, action, outcome from audit_entry";

    @Inject
    DataSource dataSource;

    @Inject
    JobStatusService statuses;

    @Inject
    AuditChainVerifier verifier;

    @Inject
    AuditSequencer sequencer;

    @Inject
    AppointmentReminders reminders;

    @Inject
    GarageClock clock;

    Rows rows;
    GarageFixture garage;
    Person tom;
    Person carl;
    UUID jobId;

    @BeforeEach
    void jobOfTom() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        tom = garage.technician("Tom Reyes");
        carl = garage.customer("Carl", "Jensen");
        jobId = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).create();
    }

    @Test
    void aWebhookChangeIsAuditedUnderTheWebhookAndItsDelivery() {
        change(tom.actor().from(Origin.webhook("test-partner", "d-1")), JobStatus.IN_PROGRESS, 0);

        assertEquals("IN_PROGRESS", rows.one("select status from job_card where id = ?", jobId).get("status"));
        Map<String, Object> entry = rows.one(ORIGIN_COLUMNS + " where resource_id = ?", jobId.toString());
        assertEquals(tom.subject(), entry.get("actor_subject"));
        assertEquals("technician", entry.get("actor_role"));
        assertEquals("webhook", entry.get("channel"));
        assertEquals("test-partner:d-1", entry.get("request_id"));
        assertNull(entry.get("device_id"));
        assertNull(entry.get("client_ip"));
        assertEquals("SUCCESS", entry.get("outcome"));
    }

    @Test
    void aScheduledChangeIsAuditedAsTheGaragesSystemThroughTheScheduler() {
        change(Actor.system(garage.garageId, Origin.scheduler("test-job", "run-1")), JobStatus.IN_PROGRESS, 0);

        assertEquals("IN_PROGRESS", rows.one("select status from job_card where id = ?", jobId).get("status"));
        Map<String, Object> entry = rows.one(ORIGIN_COLUMNS + " where resource_id = ?", jobId.toString());
        assertEquals("system", entry.get("actor_subject"));
        assertEquals("system", entry.get("actor_role"));
        assertEquals("scheduler", entry.get("channel"));
        assertEquals("test-job:run-1", entry.get("request_id"));
        assertNull(entry.get("device_id"));
        assertNull(entry.get("client_ip"));
        Map<String, Object> event = rows.one("select actor_subject, actor_role from job_event where job_id = ?", jobId);
        assertEquals(Map.of("actor_subject", "system", "actor_role", "system"), event);
    }

    @Test
    void aRefusedWebhookChangeIsAuditedUnderTheWebhookAndChangesNothing() {
        Person tim = garage.technician("Tim Okafor");
        AssertionError refused = assertThrows(AssertionError.class,
                () -> change(tim.actor().from(Origin.webhook("test-partner", "d-2")), JobStatus.IN_PROGRESS, 0));
        assertTrue(refused.getCause().getMessage().contains("not assigned"), refused.getCause().getMessage());

        assertEquals("OPEN", rows.one("select status from job_card where id = ?", jobId).get("status"));
        Map<String, Object> entry = rows.one(ORIGIN_COLUMNS + " where resource_id = ?", jobId.toString());
        assertEquals(tim.subject(), entry.get("actor_subject"));
        assertEquals("webhook", entry.get("channel"));
        assertEquals("test-partner:d-2", entry.get("request_id"));
        assertEquals("REFUSED", entry.get("outcome"));
    }

    @Test
    void anAppRequestIsStillAuditedThroughTheAppWithItsDevice() {
        changeThroughTheApp(JobStatus.IN_PROGRESS, 0);

        Map<String, Object> entry = rows.one(ORIGIN_COLUMNS + " where resource_id = ?", jobId.toString());
        assertEquals(tom.subject(), entry.get("actor_subject"));
        assertEquals("app", entry.get("channel"));
        assertEquals("pixel-8-tom", entry.get("device_id"));
        assertNotNull(entry.get("request_id"));
        assertNotNull(entry.get("client_ip"));
        Person ada = garage.admin("Ada Brennan");
        given().auth().oauth2(TOKENS.builder(ada).steppedUp().sign())
                .queryParams(Map.of("resourceType", "job", "resourceId", jobId.toString()))
                .when().get("/api/v1/admin/audit/entries")
                .then().statusCode(200)
                .body("items[0].channel", equalTo("app"))
                .body("items[0].deviceId", equalTo("pixel-8-tom"));
    }

    @Test
    void entriesOfEveryChannelKeepTheGaragesChainIntact() {
        changeThroughTheApp(JobStatus.IN_PROGRESS, 0);
        change(tom.actor().from(Origin.webhook("test-partner", "d-1")), JobStatus.AWAITING_PARTS, 1);
        change(Actor.system(garage.garageId, Origin.scheduler("test-job", "run-1")), JobStatus.IN_PROGRESS, 2);
        changeThroughTheApp(JobStatus.QUALITY_CHECK, 3);

        assertEquals(List.of("app", "webhook", "scheduler", "app"), rows.query("select channel from audit_entry"
                + " where garage_id = ? order by id", garage.garageId).stream().map(row -> row.get("channel")).toList());
        ChainReport report = chainedAndVerified();
        assertTrue(report.intact(), String.valueOf(report.firstBreak()));
        assertEquals(4, report.entries());
    }

    @Test
    void theChannelOfAnEntryCannotBeChangedUnnoticed() {
        change(Actor.system(garage.garageId, Origin.scheduler("test-job", "run-1")), JobStatus.IN_PROGRESS, 0);
        changeThroughTheApp(JobStatus.AWAITING_PARTS, 1);
        long scheduled = ((Number) rows.one("select id from audit_entry where garage_id = ? and channel = 'scheduler'",
                garage.garageId).get("id")).longValue();

        AuditTampering.tamper(dataSource, "update audit_entry set channel = 'app' where id = ?", scheduled);

        ChainReport report = chainedAndVerified();
        assertFalse(report.intact());
        assertEquals(scheduled, report.firstBreak().entryId());
        assertEquals(ChainBreak.Kind.EDITED, report.firstBreak().kind());
    }

    @Test
    void aReminderIsAuditedAsTheGaragesSystemThroughTheScheduler() {
        UUID appointment = garage.appointment(carl, garage.vehicle(carl), clock.now().plus(Duration.ofHours(3)),
                "CONFIRMED");

        reminders.remindOnce().await().atMost(Duration.ofSeconds(20));

        Map<String, Object> entry = rows.one(ORIGIN_COLUMNS + " where garage_id = ? and resource_type = 'appointment'"
                + " and resource_id = ?", garage.garageId, appointment.toString());
        assertEquals("system", entry.get("actor_subject"));
        assertEquals("system", entry.get("actor_role"));
        assertEquals("scheduler", entry.get("channel"));
        assertEquals(AppointmentReminders.ACTION, entry.get("action"));
        assertTrue(((String) entry.get("request_id")).startsWith(AppointmentReminders.JOB + ":"),
                (String) entry.get("request_id"));
        assertNull(entry.get("device_id"));
        assertNull(entry.get("client_ip"));
        ChainReport report = chainedAndVerified();
        assertTrue(report.intact(), String.valueOf(report.firstBreak()));
        assertEquals(1, report.entries());
    }

    private ChainReport chainedAndVerified() {
        return sequencer.chain(garage.garageId).chain(() -> verifier.verify(garage.garageId))
                .await().atMost(Duration.ofSeconds(10));
    }

    /** Calls the domain service as a webhook handler or a scheduled job does, on a Vert.x context. */
    private void change(Actor actor, JobStatus target, long baseVersion) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> statuses.changeStatus(actor, jobId, target, baseVersion));
        } catch (Throwable e) {
            throw new AssertionError("The change to " + target + " failed", e);
        }
    }

    private void changeThroughTheApp(JobStatus target, long baseVersion) {
        given().auth().oauth2(TOKENS.of(tom)).header("X-Device-Id", "pixel-8-tom")
                .contentType(ContentType.JSON).body(Map.of("status", target.name(), "baseVersion", baseVersion))
                .when().post("/api/v1/jobs/" + jobId + "/status").then().statusCode(200);
    }
}
