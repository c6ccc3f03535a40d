package com.garage.mobile.domain.notification;

import com.garage.mobile.domain.job.JobEventType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who hears of a payment: the customer when it needs them (confirm with the bank, a decline) or
 * settles (held, paid), under PAYMENTS; the job's advisor when a held deposit is about to lapse.
 */
final class PaymentNotices {

    static final Set<String> CUSTOMER_HEARS = Set.of("ACTION_REQUIRED", "FAILED", "HELD", "SUCCEEDED");

    private PaymentNotices() {
    }

    static boolean concerns(JobEventRow event) {
        return JobEventType.PAYMENT_CHANGED.wireName().equals(event.type())
                || JobEventType.PAYMENT_HOLD_EXPIRING.wireName().equals(event.type());
    }

    static List<PlannedNotification> plan(JobEventRow event, JobContext job, Instant now, Duration ttl) {
        String paymentId = event.payload().getString("paymentId");
        if (JobEventType.PAYMENT_HOLD_EXPIRING.wireName().equals(event.type())) {
            return job.advisor() == null ? List.of() : List.of(new PlannedNotification(job.garageId(),
                    job.advisor().id(), NotificationCategory.PAYMENTS, "job-event:" + event.id(), event.id(),
                    PushPriority.HIGH, "payment-" + paymentId, event.id(), now.plus(ttl), "staff.payment.hold-expiring",
                    Map.of("vehicle", job.vehicle(), "job", Integer.toString(job.number())), Map.of(),
                    data(event, job, paymentId, "garage-tech://jobs/" + job.jobId()), null));
        }
        String status = event.payload().getString("status");
        if (!event.customerVisible() || !CUSTOMER_HEARS.contains(status)) {
            return List.of();
        }
        boolean needsThem = status.equals("ACTION_REQUIRED") || status.equals("FAILED");
        return List.of(new PlannedNotification(job.garageId(), job.customerId(), NotificationCategory.PAYMENTS,
                "job-event:" + event.id(), event.id(), needsThem ? PushPriority.HIGH : PushPriority.NORMAL,
                "payment-" + paymentId, event.id(), now.plus(ttl), "customer.payment." + status,
                Map.of("vehicle", job.vehicle(), "garage", job.garageName(), "job", Integer.toString(job.number())),
                Map.of(), data(event, job, paymentId, "garage-customer://jobs/" + job.jobId() + "/invoice"),
                job.customerLanguage()));
    }

    private static Map<String, String> data(JobEventRow event, JobContext job, String paymentId, String link) {
        return Map.of("type", event.type(), "jobId", job.jobId().toString(), "paymentId", paymentId, "link", link);
    }
}
