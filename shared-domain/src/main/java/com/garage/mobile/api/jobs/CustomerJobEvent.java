package com.garage.mobile.api.jobs;

import com.garage.mobile.domain.event.JobEventMessage;
import com.garage.mobile.domain.job.JobEventType;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A change to one of the customer's repairs, as their app shows it live. {@code data} carries
 * the change for the events the app draws itself; for any other, the app reloads the job.
 *
 * @param seq the event's place in this job's history
 */
@RegisterForReflection
public record CustomerJobEvent(UUID jobId, int seq, String event, Map<String, Object> data) {

    /** What the customer's app shows of a payment's change: its own payment, never the provider's ids. */
    private static final List<String> PAYMENT_FIELDS = List.of("paymentId", "purpose", "status", "amountMinor",
            "currency", "reason");

    static CustomerJobEvent of(JobEventMessage event) {
        return new CustomerJobEvent(event.jobId(), event.seq(), event.type(), dataOf(event));
    }

    /** Only what a customer may read of the change: never who in the workshop made it. */
    private static Map<String, Object> dataOf(JobEventMessage event) {
        if (event.type().equals(JobEventType.STATUS_CHANGED.wireName())) {
            return Map.of("status", event.payload().get("to"), "previousStatus", event.payload().get("from"));
        }
        if (event.type().equals(JobEventType.PAYMENT_CHANGED.wireName())) {
            Map<String, Object> payment = new LinkedHashMap<>();
            for (String field : PAYMENT_FIELDS) {
                if (event.payload().get(field) != null) {
                    payment.put(field, event.payload().get(field));
                }
            }
            payment.put("previousStatus", event.payload().get("from"));
            return payment;
        }
        return null;
    }
}
