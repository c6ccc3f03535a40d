package com.garage.mobile.technician.notifications;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static com.garage.mobile.technician.notifications.OutboxProbe.moveJob;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.MovableClock;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When a notification goes, waits or never goes: quiet hours, dead tokens, outages, the rate limit, dead letters. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PushProviderStubs.class)
class DeliveryConditionsTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String UNAVAILABLE = "{\"error\": {\"code\": 503, \"status\": \"UNAVAILABLE\"}}";

    @Inject
    DataSource dataSource;

    @Inject
    CircuitBreakerMaintenance breakers;

    @InjectPushStubs
    PushStubs stubs;

    Rows rows;
    OutboxProbe outbox;
    MovableClock clock;
    GarageFixture garage;
    PushFixture push;
    Person advisor;
    Person carl;
    UUID vehicle;
    String phone;

    @BeforeEach
    void customerWithAPhone() {
        PushFixture.cleanSlate(dataSource, stubs, breakers);
        clock = new MovableClock();
        QuarkusMock.installMockForType(clock, GarageClock.class);
        rows = new Rows(dataSource);
        outbox = new OutboxProbe(rows);
        garage = GarageFixture.create(dataSource);
        push = new PushFixture(garage);
        advisor = garage.advisor("Alice Morgan");
        carl = garage.customer("Carl", "Jensen");
        vehicle = garage.vehicle(carl);
        phone = push.consentingPhone(carl);
    }

    @Test
    void quietHoursHoldANonCriticalMessageAndReleaseItWhenTheyEnd() {
        ZonedDateTime evening = next(LocalTime.of(23, 30));
        clock.moveTo(evening.toInstant());
        push.quietHours(carl, "22:00", "07:00", "Europe/London");
        UUID job = garage.job(carl, vehicle).status("QUALITY_CHECK").create();

        moveJob(advisor, job, "READY_FOR_PICKUP", 0);

        Instant morning = evening.toLocalDate().plusDays(1).atTime(7, 0).atZone(LONDON).toInstant();
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox.rowsOf(job).size() == 1
                && outbox.rowOf(job).get("held_until") != null);
        Map<String, Object> held = outbox.rowOf(job);
        assertEquals("PENDING", held.get("status"));
        assertEquals(Timestamp.from(morning), held.get("held_until"));
        assertEquals(0, stubs.fcmRequestsFor(phone).size());

        clock.moveTo(morning.plusSeconds(60));

        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(outbox.statusOf(job)));
        assertEquals(1, stubs.fcmRequestsFor(phone).size());
    }

    @Test
    void aCriticalCategoryReachesThePhoneInQuietHours() {
        clock.moveTo(next(LocalTime.of(23, 30)).toInstant());
        push.quietHours(carl, "22:00", "07:00", "Europe/London");
        UUID job = garage.job(carl, vehicle).status("IN_PROGRESS").create();

        moveJob(advisor, job, "AWAITING_APPROVAL", 0);

        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(outbox.statusOf(job)));
        assertEquals("APPROVALS", outbox.rowOf(job).get("category"));
        assertEquals(null, outbox.rowOf(job).get("held_until"));
    }

    @Test
    void aConsentWithdrawnWhileTheMessageWaitedStopsIt() {
        ZonedDateTime evening = next(LocalTime.of(23, 30));
        clock.moveTo(evening.toInstant());
        push.quietHours(carl, "22:00", "07:00", "Europe/London");
        UUID job = garage.job(carl, vehicle).status("QUALITY_CHECK").create();
        moveJob(advisor, job, "READY_FOR_PICKUP", 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox.rowsOf(job).size() == 1
                && outbox.rowOf(job).get("held_until") != null);

        push.consent(carl, "JOB_STATUS", false);
        clock.moveTo(evening.plusHours(8).toInstant());

        await().atMost(Duration.ofSeconds(30)).until(() -> "WITHDRAWN".equals(outbox.statusOf(job)));
        assertEquals(0, stubs.fcmRequestsFor(phone).size());
    }

    @Test
    void anInvalidTokenDeactivatesItsDevice() {
        String iphone = PushFixture.apnsToken();
        String browserPath = "/push/" + UUID.randomUUID();
        String healthyIphone = PushFixture.apnsToken();
        UUID android = deviceOf(phone);
        UUID ios = push.iphone(carl, iphone);
        UUID web = push.browser(carl, stubs.httpsUrl() + browserPath, new PushSubscriber());
        push.iphone(carl, healthyIphone);
        stubs.fcmAnswers(phone, aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody("""
                {"error": {"code": 404, "status": "NOT_FOUND", "details": [
                  {"@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", "errorCode": "UNREGISTERED"}]}}"""));
        stubs.apnsAnswers(iphone, aResponse().withStatus(400).withBody("{\"reason\": \"BadDeviceToken\"}"));
        stubs.webPushAnswers(browserPath, aResponse().withStatus(410));
        UUID job = garage.job(carl, vehicle).status("QUALITY_CHECK").create();

        moveJob(advisor, job, "READY_FOR_PICKUP", 0);

        await().atMost(Duration.ofSeconds(30)).until(() -> outbox.sentFor(job) == 1
                && rows.count("select count(*) from notification_outbox where device_id in (?, ?, ?)"
                        + " and status = 'DEVICE_GONE'", android, ios, web) == 3);
        for (UUID device : new UUID[] {android, ios, web}) {
            Map<String, Object> row = rows.one("select active, deactivation_reason from push_device where id = ?", device);
            assertEquals(false, row.get("active"));
            assertEquals("PROVIDER_REJECTED", row.get("deactivation_reason"));
        }
        assertEquals(true, rows.one("select active from push_device where token = ?", healthyIphone).get("active"));
    }

    @Test
    void aProviderOutageDelaysTheMessageThenDeliversIt() {
        stubs.fcmAnswers(phone, aResponse().withStatus(503).withBody(UNAVAILABLE));
        UUID job = garage.job(carl, vehicle).status("QUALITY_CHECK").create();

        moveJob(advisor, job, "READY_FOR_PICKUP", 0);

        await().atMost(Duration.ofSeconds(30)).until(() -> outbox.rowsOf(job).size() == 1
                && ((Integer) outbox.rowOf(job).get("attempts")) >= 1);
        Map<String, Object> waiting = outbox.rowOf(job);
        assertEquals("PENDING", waiting.get("status"));
        assertTrue(((String) waiting.get("last_error")).contains("503"), (String) waiting.get("last_error"));

        stubs.fcmAnswers(phone, okJson("{\"name\": \"projects/garage-test/messages/after-the-outage\"}"));

        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(outbox.statusOf(job)));
        assertEquals("projects/garage-test/messages/after-the-outage", rows.one(
                "select provider_message_id from notification_outbox where id = ?", outbox.rowOf(job).get("id"))
                .get("provider_message_id"));
    }

    @Test
    void theLastFailureMakesADeadLetterThatAnAdminOfTheGarageReplays() {
        Person admin = garage.admin("Ada Brennan");
        Person technician = garage.technician("Tom Reyes");
        Person otherAdmin = GarageFixture.create(dataSource).admin("Otto");
        stubs.fcmAnswers(phone, aResponse().withStatus(503).withBody(UNAVAILABLE));
        UUID job = garage.job(carl, vehicle).status("QUALITY_CHECK").create();

        moveJob(advisor, job, "READY_FOR_PICKUP", 0);

        await().atMost(Duration.ofSeconds(60)).until(() -> "DEAD".equals(outbox.statusOf(job)));
        long notification = (Long) outbox.rowOf(job).get("id");
        String letter = given().auth().oauth2(TOKENS.of(admin))
                .when().get("/api/v1/admin/notifications/dead-letters")
                .then().statusCode(200)
                .body("items[0].notificationId", equalTo((int) notification))
                .body("items[0].category", equalTo("JOB_STATUS"))
                .body("items[0].platform", equalTo("ANDROID"))
                .body("items[0].recipientId", equalTo(carl.id().toString()))
                .body("items[0].attempts", equalTo(3))
                .body("items[0].reason", containsString("503"))
                .extract().path("items[0].id");
        given().auth().oauth2(TOKENS.of(technician)).when().get("/api/v1/admin/notifications/dead-letters")
                .then().statusCode(403);
        given().auth().oauth2(TOKENS.of(otherAdmin)).when().get("/api/v1/admin/notifications/dead-letters")
                .then().statusCode(200).body("items.size()", equalTo(0));
        given().auth().oauth2(TOKENS.of(otherAdmin))
                .when().post("/api/v1/admin/notifications/dead-letters/" + letter + "/replay")
                .then().statusCode(404).contentType("application/problem+json");
        assertEquals("DEAD", outbox.statusOf(job));

        stubs.fcmAnswers(phone, okJson("{\"name\": \"projects/garage-test/messages/replayed\"}"));
        breakers.resetAll();
        given().auth().oauth2(TOKENS.of(admin))
                .when().post("/api/v1/admin/notifications/dead-letters/" + letter + "/replay")
                .then().statusCode(200)
                .body("replayedBy", equalTo(admin.subject()))
                .body("replayedAt", notNullValue());

        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(outbox.statusOf(job)));
        assertEquals("SUCCESS", rows.one("select outcome from audit_entry where garage_id = ? and action = ?",
                garage.garageId, "notification.replay-dead-letter").get("outcome"));
        given().auth().oauth2(TOKENS.of(admin))
                .when().post("/api/v1/admin/notifications/dead-letters/" + letter + "/replay")
                .then().statusCode(409).body("type", equalTo("urn:garage:problem:invalid-transition"));
    }

    @Test
    void aBurstIsPacedByThePersonsRateLimit() {
        UUID[] jobs = new UUID[11];
        for (int i = 0; i < jobs.length; i++) {
            jobs[i] = garage.job(carl, vehicle).status("QUALITY_CHECK").create();
            moveJob(advisor, jobs[i], "READY_FOR_PICKUP", 0);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> rows.count("select count(*) from notification_outbox"
                + " where person_id = ? and (status = 'SENT' or (status = 'PENDING' and next_attempt_at > ?))",
                carl.id(), Timestamp.from(clock.now().plusSeconds(300))) == 11);
        assertEquals(10, rows.count("select count(*) from notification_outbox where person_id = ? and status = 'SENT'",
                carl.id()));
        assertEquals(10, stubs.fcmRequestsFor(phone).size());
    }

    private UUID deviceOf(String token) {
        return (UUID) rows.one("select id from push_device where token = ?", token).get("id");
    }

    /** The next moment, from now, when London's clocks show {@code time}. */
    private static ZonedDateTime next(LocalTime time) {
        ZonedDateTime now = ZonedDateTime.now(LONDON);
        ZonedDateTime candidate = now.with(time);
        return candidate.isAfter(now) ? candidate : candidate.plusDays(1);
    }
}
