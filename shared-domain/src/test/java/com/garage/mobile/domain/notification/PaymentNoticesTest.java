package com.garage.mobile.domain.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.job.JobEventType;
import com.garage.mobile.domain.notification.JobContext.StaffMember;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who hears of a payment, decided without a database or a push provider. */
class PaymentNoticesTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final Duration TTL = Duration.ofHours(4);
    private static final StaffMember ALICE = new StaffMember(UUID.randomUUID(), "staff-alice");
    private static final JobContext JOB = new JobContext(UUID.randomUUID(), UUID.randomUUID(), 1042,
            UUID.randomUUID(), "de", ALICE, List.of(), "Volkswagen Golf (AB19 CDE)", "Garage Nord");

    @Test
    void theCustomerHearsUnderPaymentsWhenAPaymentNeedsThemOrSettles() {
        List<PlannedNotification> planned = PaymentNotices.plan(changed("FAILED"), JOB, NOW, TTL);
        assertEquals(1, planned.size());
        PlannedNotification notice = planned.get(0);
        assertEquals(JOB.customerId(), notice.personId());
        assertEquals(NotificationCategory.PAYMENTS, notice.category());
        assertEquals(PushPriority.HIGH, notice.priority());
        assertEquals("customer.payment.FAILED", notice.textKey());
        assertEquals("job-event:9", notice.dedupeKey());
        assertEquals(NOW.plus(TTL), notice.expiresAt());
        assertEquals(PushPriority.NORMAL, PaymentNotices.plan(changed("SUCCEEDED"), JOB, NOW, TTL).get(0).priority());
    }

    @Test
    void inBetweenStatusesAreNotPushed() {
        for (String status : List.of("CREATED", "AWAITING_METHOD", "PROCESSING", "CANCELED")) {
            assertTrue(PaymentNotices.plan(changed(status), JOB, NOW, TTL).isEmpty(), status);
        }
    }

    @Test
    void theAdvisorHearsOfAHoldAboutToLapse() {
        JobEventRow expiring = new JobEventRow(10, JOB.jobId(), JobEventType.PAYMENT_HOLD_EXPIRING.wireName(), false,
                new JsonObject().put("paymentId", "p-1"), "system");
        PlannedNotification notice = PaymentNotices.plan(expiring, JOB, NOW, TTL).get(0);
        assertEquals(ALICE.id(), notice.personId());
        assertEquals(NotificationCategory.PAYMENTS, notice.category());
        assertEquals("staff.payment.hold-expiring", notice.textKey());
    }

    private static JobEventRow changed(String status) {
        return new JobEventRow(9, JOB.jobId(), JobEventType.PAYMENT_CHANGED.wireName(), true,
                new JsonObject().put("paymentId", "p-1").put("status", status), "system");
    }
}
