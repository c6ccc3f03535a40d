package com.garage.mobile.technician.notifications;

import static com.garage.mobile.technician.notifications.OutboxProbe.moveJob;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.platform.notification.pipeline.NotificationDecider;
import com.garage.mobile.platform.outbox.OutboxDispatcher;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** From a job's status change to the phones of the people who should know, each exactly once. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PushProviderStubs.class)
class JobNotificationTest {

    @Inject
    DataSource dataSource;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    NotificationDecider decider;

    @Inject
    OutboxDispatcher dispatcher;

    @InjectPushStubs
    PushStubs stubs;

    Rows rows;
    OutboxProbe outbox;
    GarageFixture garage;
    PushFixture push;
    Person advisor;
    Person tom;
    Person carl;
    Person cora;
    UUID vehicle;

    @BeforeEach
    void garageWithCustomers() {
        PushFixture.cleanSlate(dataSource, stubs, breakers);
        rows = new Rows(dataSource);
        outbox = new OutboxProbe(rows);
        garage = GarageFixture.create(dataSource);
        push = new PushFixture(garage);
        advisor = garage.advisor("Alice Morgan");
        tom = garage.technician("Tom Reyes");
        carl = garage.customer("Carl", "Jensen");
        cora = garage.customer("Cora", "Li");
        vehicle = garage.vehicle(carl);
    }

    @Test
    void readyForPickupNotifiesEveryConsentingDeviceOfTheCustomerExactlyOnce() throws Exception {
        garage.sql("update customer set preferred_language = 'de-AT' where id = ?", carl.id());
        push.consentToAllOperational(carl);
        String phone = PushFixture.fcmToken();
        String iphone = PushFixture.apnsToken();
        String browserPath = "/push/" + UUID.randomUUID();
        PushSubscriber browser = new PushSubscriber();
        push.android(carl, phone);
        push.iphone(carl, iphone);
        push.browser(carl, stubs.httpsUrl() + browserPath, browser);
        String signedOut = PushFixture.fcmToken();
        UUID oldPhone = push.android(carl, signedOut);
        garage.sql("update push_device set active = false, deactivated_at = now(), deactivation_reason = 'UNREGISTERED'"
                + " where id = ?", oldPhone);
        push.consentToAllOperational(cora);
        String corasPhone = PushFixture.fcmToken();
        push.android(cora, corasPhone);
        UUID job = garage.job(carl, vehicle).assignedTo(tom).advisor(advisor).status("QUALITY_CHECK").create();

        moveJob(advisor, job, "READY_FOR_PICKUP", 0);

        await().atMost(Duration.ofSeconds(30)).until(() -> outbox.sentFor(job) == 3);
        assertEquals(1, stubs.fcmRequestsFor(phone).size());
        assertEquals(1, stubs.requestsTo("/3/device/" + iphone).size());
        assertEquals(1, stubs.requestsTo(browserPath).size());
        assertEquals(0, stubs.fcmRequestsFor(signedOut).size());
        assertEquals(0, stubs.fcmRequestsFor(corasPhone).size());
        JsonObject android = new JsonObject(stubs.fcmRequestsFor(phone).get(0).getBodyAsString()).getJsonObject("message");
        assertEquals("Abholbereit", android.getJsonObject("notification").getString("title"));
        assertEquals("Ihr Volkswagen Golf (AB19 CDE) ist bei " + garageName() + " abholbereit.",
                android.getJsonObject("notification").getString("body"));
        assertEquals("READY_FOR_PICKUP", android.getJsonObject("data").getString("status"));
        JsonObject shown = new JsonObject(browser.decrypt(stubs.requestsTo(browserPath).get(0).getBody()));
        assertEquals("Abholbereit", shown.getString("title"));
        assertEquals("job-" + job + "-status", shown.getString("tag"));
        // Each push is the start of an analytics push journey, named by the pushId it carries to the app.
        String pushId = android.getJsonObject("data").getString("pushId");
        Map<String, Object> sent = rows.one("select name, source, user_key, properties->>'category' as category"
                + " from analytics_event where journey_id = ?::uuid", pushId);
        assertEquals("push.sent", sent.get("name"));
        assertEquals("server", sent.get("source"));
        assertEquals("JOB_STATUS", sent.get("category"));
        assertEquals(32, ((String) sent.get("user_key")).length());
        assertEquals(3L, pushesSent());

        redeliver(job);

        assertEquals(3, outbox.rowsOf(job).size());
        assertEquals(1, stubs.fcmRequestsFor(phone).size());
        assertEquals(1, stubs.requestsTo("/3/device/" + iphone).size());
        assertEquals(1, stubs.requestsTo(browserPath).size());
        assertEquals(3L, pushesSent());
    }

    @Test
    void aWithdrawnConsentStopsIt() {
        push.consentToAllOperational(carl);
        push.consent(carl, "JOB_STATUS", false);
        String phone = PushFixture.fcmToken();
        push.android(carl, phone);
        UUID job = garage.job(carl, vehicle).status("QUALITY_CHECK").create();

        moveJob(advisor, job, "READY_FOR_PICKUP", 0);

        await().atMost(Duration.ofSeconds(30)).until(() -> outbox.decided(job));
        dispatcher.dispatchOnce().await().atMost(Duration.ofSeconds(10));
        assertEquals(List.of(), outbox.rowsOf(job));
        assertEquals(0, stubs.fcmRequestsFor(phone).size());
    }

    @Test
    void approvalsStillReachACustomerWhoWithdrewOnlyJobStatus() {
        push.consentToAllOperational(carl);
        push.consent(carl, "JOB_STATUS", false);
        String phone = PushFixture.fcmToken();
        push.android(carl, phone);
        UUID job = garage.job(carl, vehicle).status("IN_PROGRESS").create();

        moveJob(advisor, job, "AWAITING_APPROVAL", 0);

        await().atMost(Duration.ofSeconds(30)).until(() -> outbox.sentFor(job) == 1);
        assertEquals("APPROVALS", outbox.rowsOf(job).get(0).get("category"));
        assertEquals("HIGH", outbox.rowsOf(job).get(0).get("priority"));
        assertEquals(1, stubs.fcmRequestsFor(phone).size());
    }

    @Test
    void theAdvisorHearsWhenATechnicianFinishesTheWorkInTheAdvisorsLanguage() {
        push.consentToAllOperational(advisor);
        push.consentToAllOperational(tom);
        String advisorsPhone = PushFixture.fcmToken();
        String tomsPhone = PushFixture.fcmToken();
        push.device(advisor, "ANDROID", advisorsPhone, null, null, "de-DE");
        push.android(tom, tomsPhone);
        UUID job = garage.job(carl, vehicle).assignedTo(tom).advisor(advisor).status("IN_PROGRESS").create();

        moveJob(tom, job, "QUALITY_CHECK", 0);

        await().atMost(Duration.ofSeconds(30)).until(() -> outbox.sentFor(job) == 1);
        JsonObject message = new JsonObject(stubs.fcmRequestsFor(advisorsPhone).get(0).getBodyAsString())
                .getJsonObject("message");
        assertEquals("Auftrag 1000: Qualitätskontrolle", message.getJsonObject("notification").getString("title"));
        assertEquals("Volkswagen Golf (AB19 CDE) wechselte von In Arbeit zu Qualitätskontrolle.",
                message.getJsonObject("notification").getString("body"));
        assertEquals(0, stubs.fcmRequestsFor(tomsPhone).size(), "who made the change is not told of it");
    }

    @Test
    void anEventWhoseDecisionFailsWaitsForItsRetryWithoutHoldingUpTheEventsCommittedWithIt() {
        push.consentToAllOperational(carl);
        String phone = PushFixture.fcmToken();
        push.android(carl, phone);
        UUID broken = garage.job(carl, vehicle).status("QUALITY_CHECK").create();
        UUID ready = garage.job(carl, vehicle).status("READY_FOR_PICKUP").create();
        // Committed together, so that a pass claims both at once; the first names a status no rule knows.
        garage.sql("""
                with first as (insert into job_event (garage_id, job_id, seq, type, customer_visible, payload,
                                                      actor_subject, actor_role)
                               values (?, ?, 1, 'job.status-changed', true,
                                       '{"from": "NO_SUCH_STATUS", "to": "READY_FOR_PICKUP"}', 'desk', 'advisor'))
                insert into job_event (garage_id, job_id, seq, type, customer_visible, payload, actor_subject, actor_role)
                values (?, ?, 1, 'job.status-changed', true, '{"from": "QUALITY_CHECK", "to": "READY_FOR_PICKUP"}',
                        'desk', 'advisor')""", garage.garageId, broken, garage.garageId, ready);

        await().atMost(Duration.ofSeconds(30)).until(() -> outbox.sentFor(ready) == 1);
        Map<String, Object> waiting = rows.one("select p.decided_at, p.attempts, p.last_error, p.next_attempt_at > now()"
                + " as later from notification_pending_event p join job_event e on e.id = p.job_event_id"
                + " where e.job_id = ?", broken);
        assertEquals(null, waiting.get("decided_at"));
        assertEquals(1, ((Number) waiting.get("attempts")).intValue());
        assertEquals("IllegalArgumentException", waiting.get("last_error"), "what failed is kept, without the data");
        assertEquals(true, waiting.get("later"));
        assertEquals(List.of(), outbox.rowsOf(broken));
        assertEquals(1, stubs.fcmRequestsFor(phone).size());
    }

    /** The event arrives again, at several deciders at once: nothing new is written or sent. */
    private void redeliver(UUID job) {
        garage.sql("update notification_pending_event set decided_at = null where job_event_id in"
                + " (select id from job_event where job_id = ?)", job);
        Uni.join().all(decider.decideOnce(), decider.decideOnce(), decider.decideOnce()).andCollectFailures()
                .await().atMost(Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox.decided(job));
        dispatcher.dispatchOnce().await().atMost(Duration.ofSeconds(10));
        int rows = outbox.rowsOf(job).size();
        long sent = outbox.sentFor(job);
        await("nothing new written or sent").during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(5))
                .until(() -> outbox.rowsOf(job).size() == rows && outbox.sentFor(job) == sent);
    }

    private long pushesSent() {
        return rows.count("select count(*) from analytics_event where name = 'push.sent' and garage_id = ?",
                garage.garageId);
    }

        private String garageName() {
        return (String) rows.one("select name from garage where id = ?", garage.garageId).get("name");
    }
}
