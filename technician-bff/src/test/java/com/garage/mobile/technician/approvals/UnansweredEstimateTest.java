package com.garage.mobile.technician.approvals;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.domain.estimate.UnansweredEstimates;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.technician.notifications.PushFixture;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.LiveClient;
import com.garage.mobile.testing.MovableClock;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An estimate the customer leaves unanswered: a reminder after each configured delay (24 h, 72 h),
 * once per revision, pushed to the consenting customer and to their advisor, live on the advisor's
 * board; the clock is moved, never waited for. Declined work stays on the vehicle.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class UnansweredEstimateTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    @Inject
    UnansweredEstimates unanswered;

    MovableClock clock;
    Rows rows;
    GarageFixture garage;
    PushFixture push;
    Person alice;
    Person carl;
    UUID vehicle;
    UUID job;
    LiveClient board;

    @BeforeEach
    void estimateAwaitingTheCustomer() throws Throwable {
        clock = new MovableClock();
        QuarkusMock.installMockForType(clock, GarageClock.class);
        remindEveryOtherTestsEstimates();
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        push = new PushFixture(garage);
        alice = garage.advisor("Alice Morgan");
        carl = garage.customer("Carl", "Jensen");
        vehicle = garage.vehicle(carl);
        job = garage.job(carl, vehicle).advisor(alice).status("AWAITING_APPROVAL")
                .part("Front brake pads", "BP-7731", 5400, 3100).create();
    }

    @AfterEach
    void close() {
        if (board != null) {
            board.close();
        }
    }

    @Test
    void theCustomerIsRemindedAfterEachDelayOnceAndTheAdvisorAlertedLive() throws Throwable {
        push.consent(carl, "APPROVALS", true);
        UUID carlsPhone = push.android(carl, PushFixture.fcmToken());
        push.consent(alice, "JOB_STATUS", true);
        UUID alicesPhone = push.android(alice, PushFixture.fcmToken());
        board = LiveClient.connect(base, LiveClient.PATH, TOKENS.of(alice), null);
        board.await("caught-up");

        passAt(Duration.ofHours(23));
        assertEquals(0L, reminders());
        passAt(Duration.ofHours(25));
        passAt(Duration.ofHours(26));
        assertEquals(1L, reminders());
        passAt(Duration.ofHours(73));
        passAt(Duration.ofHours(90));
        assertEquals(2L, reminders());

        JsonObject alert = board.await(m -> "job.estimate-unanswered".equals(m.getString("event")));
        assertEquals(job.toString(), alert.getString("jobId"));
        assertEquals(1, alert.getJsonObject("data").getInteger("reminder"));
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxRows(carlsPhone) == 2 && outboxRows(alicesPhone) == 2);
        assertEquals(2L, rows.count("select count(*) from audit_entry where garage_id = ? and action ="
                + " 'job.remind-estimate' and channel = 'scheduler'", garage.garageId));
    }

    @Test
    void aNewRevisionStartsTheDelaysAgainAndAnAnsweredEstimateIsLeftAlone() throws Throwable {
        passAt(Duration.ofHours(25));
        assertEquals(1L, reminders());
        garage.sql("update estimate_line set unit_price_minor = 5900 where job_id = ?", job);
        passAt(Duration.ofHours(23));
        assertEquals(1L, reminders(), "the new revision, made now, has waited 23 hours only");
        passAt(Duration.ofHours(25));
        assertEquals(2L, reminders());
        assertEquals(2L, rows.count("select count(distinct revision) from estimate_reminder where job_id = ?", job));
        garage.sql("update estimate_line set approval_status = 'DECLINED', decided_at = now() where job_id = ?", job);
        passAt(Duration.ofHours(200));
        assertEquals(2L, reminders());
    }

    @Test
    void noReminderInTheCustomersQuietHoursButOnceTheyEnd() throws Throwable {
        push.quietHours(carl, "22:00", "07:00", "UTC");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        passAt(today.plusDays(2).atTime(23, 30).toInstant(ZoneOffset.UTC));
        assertEquals(0L, reminders());
        passAt(today.plusDays(3).atTime(7, 30).toInstant(ZoneOffset.UTC));
        assertEquals(1L, reminders());
    }

    @Test
    void declinedWorkStaysOnTheVehicleForStaffOfTheGarage() {
        garage.sql("update estimate_line set approval_status = 'DECLINED', decided_at = now(),"
                + " decision_note = 'Next month' where job_id = ?", job);
        given().auth().oauth2(TOKENS.of(alice)).when().get("/api/v1/vehicles/" + vehicle + "/declined-work")
                .then().statusCode(200)
                .body("[0].description", equalTo("Front brake pads"))
                .body("[0].grossMinor", equalTo(6480))
                .body("[0].note", equalTo("Next month"))
                .body("[0].jobId", equalTo(job.toString()));
        Person olaf = GarageFixture.create(dataSource).advisor("Olaf Berg");
        given().auth().oauth2(TOKENS.of(olaf)).when().get("/api/v1/vehicles/" + vehicle + "/declined-work")
                .then().statusCode(404).contentType("application/problem+json");
    }

    /** The pass covers every garage: other tests' waiting estimates get their last reminder first, out of the way. */
    private void remindEveryOtherTestsEstimates() throws Throwable {
        clock.moveTo(Instant.now().plus(Duration.ofDays(365)));
        for (int pass = 0; pass < 50 && VertxContextSupport.subscribeAndAwait(() -> unanswered.remindOnce()) > 0;
                pass++) {
            clock.moveTo(Instant.now().plus(Duration.ofDays(365)));
        }
        clock.moveTo(Instant.now());
    }

    private void passAt(Duration later) throws Throwable {
        passAt(Instant.now().plus(later));
    }

    /** A pass at that moment; then back to now, so that the advisor's live socket is not judged silent meanwhile. */
    private void passAt(Instant moment) throws Throwable {
        clock.moveTo(moment);
        VertxContextSupport.subscribeAndAwait(() -> unanswered.remindOnce());
        clock.moveTo(Instant.now());
    }

    private long reminders() {
        return rows.count("select count(*) from job_event where job_id = ? and type = 'job.estimate-unanswered'", job);
    }

    private long outboxRows(UUID device) {
        return rows.count("select count(*) from notification_outbox o join job_event e on e.id = o.job_event_id"
                + " where e.job_id = ? and o.device_id = ?", job, device);
    }
}
