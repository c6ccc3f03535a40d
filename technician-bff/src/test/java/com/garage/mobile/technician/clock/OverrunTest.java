package com.garage.mobile.technician.clock;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.domain.clock.OverrunCheck;
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
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A clock left running past the labour estimate is flagged to the advisor once: live, and by push with consent. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class OverrunTest {

    @Inject
    DataSource dataSource;

    @Inject
    OverrunCheck check;

    @TestHTTPResource("/")
    URI base;

    MovableClock clock;
    Rows rows;
    GarageFixture garage;
    PushFixture push;
    Person tom;
    Person advisor;
    Person carl;
    LiveClient board;

    @BeforeEach
    void garage() {
        clock = new MovableClock();
        QuarkusMock.installMockForType(clock, GarageClock.class);
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        push = new PushFixture(garage);
        tom = garage.technician("Tom Reyes");
        advisor = garage.advisor("Alice Morgan");
        carl = garage.customer("Carl", "Jensen");
    }

    @AfterEach
    void close() {
        if (board != null) {
            board.close();
        }
    }

    @Test
    void aRunningClockPastTheEstimateIsFlaggedOnceLiveAndByPushToTheConsentingAdvisor() throws Throwable {
        push.consent(advisor, "JOB_STATUS", true);
        UUID phone = push.android(advisor, PushFixture.fcmToken());
        UUID job = jobWithAnHourOfLabour();
        board = LiveClient.connect(base, LiveClient.PATH, TOKENS.of(advisor), null);
        board.await("caught-up");
        ClockTest.clockOn(tom, job, UUID.randomUUID(), null).statusCode(200);
        long clockedOn = rows.count("select max(id) from job_event where job_id = ?", job);

        // A pass checks every garage's running clocks, so what counts is this job's flags, not the pass's total.
        clock.moveTo(Instant.now().plus(Duration.ofMinutes(59)));
        runCheck();
        assertEquals(0L, overrunFlags(job));
        clock.moveTo(Instant.now().plus(Duration.ofMinutes(61)));
        runCheck();
        assertEquals(1L, overrunFlags(job));
        clock.moveTo(Instant.now().plus(Duration.ofMinutes(75)));
        runCheck();
        assertEquals(1L, overrunFlags(job));

        // The clock's leap makes the first connection look silent, so the advisor's app resumes as it would.
        board.close();
        board = LiveClient.connect(base, LiveClient.PATH, TOKENS.of(advisor), clockedOn);
        JsonObject flagged = board.await(m -> "job.time-overrun".equals(m.getString("event")));
        assertEquals(job.toString(), flagged.getString("jobId"));
        assertEquals(60, flagged.getJsonObject("data").getInteger("estimateMinutes"));
        await().atMost(Duration.ofSeconds(30)).until(() -> rows.count("select count(*) from notification_outbox o"
                + " join job_event e on e.id = o.job_event_id where e.job_id = ? and o.device_id = ?", job, phone) == 1);
        ClockTest.post(tom, "/api/v1/clock/off", null).statusCode(200);
        assertEquals(1L, overrunFlags(job));
    }

    @Test
    void withoutConsentNoPushIsPlanned() throws Throwable {
        push.consent(advisor, "JOB_STATUS", false);
        push.android(advisor, PushFixture.fcmToken());
        UUID job = jobWithAnHourOfLabour();
        ClockTest.clockOn(tom, job, UUID.randomUUID(), null).statusCode(200);
        clock.moveTo(Instant.now().plus(Duration.ofMinutes(90)));
        ClockTest.post(tom, "/api/v1/clock/off", null).statusCode(200);

        assertEquals(1L, overrunFlags(job));
        await().atMost(Duration.ofSeconds(30)).until(() -> rows.count("select count(*) from notification_pending_event p"
                + " join job_event e on e.id = p.job_event_id where e.job_id = ? and p.decided_at is null", job) == 0);
        assertEquals(0L, rows.count("select count(*) from notification_outbox o join job_event e on e.id = o.job_event_id"
                + " where e.job_id = ?", job));
    }

    UUID jobWithAnHourOfLabour() {
        UUID job = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).advisor(advisor).status("IN_PROGRESS").create();
        garage.sql("insert into estimate_line (id, garage_id, job_id, position, kind, description, quantity,"
                + " unit_price_minor, tax_rate_bp) values (?, ?, ?, 0, 'LABOUR', 'Brakes', 1, 8500, 2000)",
                UUID.randomUUID(), garage.garageId, job);
        return job;
    }

    void runCheck() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> check.checkRunning());
    }

    long overrunFlags(UUID job) {
        return rows.count("select count(*) from job_event where job_id = ? and type = 'job.time-overrun'", job);
    }
}
