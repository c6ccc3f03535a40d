package com.garage.mobile.domain.analytics;

import com.garage.mobile.domain.event.JobEventMessage;
import com.garage.mobile.domain.job.JobEventType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the server knows, as analytics events joining the apps' journeys: a job event becomes the
 * event of the same journey (the job), an appointment's confirmation or check-in that of the
 * appointment, under the customer's user key. Its id is derived from the job event's or the
 * status note's id, so reading one twice stores it once.
 */
public final class ServerFacts {

    private static final Map<String, JobEventType> BY_WIRE_NAME = Arrays.stream(JobEventType.values())
            .collect(Collectors.toMap(JobEventType::wireName, type -> type));

    private final UserKeys userKeys;

    public ServerFacts(UserKeys userKeys) {
        this.userKeys = userKeys;
    }

    /** The analytics event of a job event, or empty for one no journey needs. */
    public Optional<AnalyticsEvent> of(JobEventMessage event, Instant receivedAt) {
        JobEventType type = BY_WIRE_NAME.get(event.type());
        if (type == null) {
            return Optional.empty();
        }
        Map<String, Object> payload = event.payload();
        Map<String, Object> properties = new HashMap<>();
        properties.put("jobId", event.jobId().toString());
        String name = switch (type) {
            case STATUS_CHANGED -> {
                copy(payload, "from", properties);
                copy(payload, "to", properties);
                yield "job.status-changed";
            }
            case ESTIMATE_LINE_PRICED -> "estimate.published";
            case ESTIMATE_DECIDED -> approvedSomething(payload) ? approved(payload, properties) : null;
            case PAYMENT_CHANGED -> "SUCCEEDED".equals(payload.get("status")) ? paid(payload, properties) : null;
            case CLOCK_STARTED -> "job.clocked-on";
            case INSPECTION_PUBLISHED -> "inspection.published";
            default -> null;
        };
        if (name == null) {
            return Optional.empty();
        }
        return Optional.of(new AnalyticsEvent(idOf(event), receivedAt, event.occurredAt(), name, "server",
                event.garageId(), userKeys.of(event.garageId(), event.customerId()), null, null, null, null, false,
                event.jobId(), properties));
    }

    /** The analytics event of an appointment taking a status, or empty for a status no journey needs. */
    public Optional<AnalyticsEvent> of(AppointmentStatusNote note, Instant receivedAt) {
        String name = switch (note.status()) {
            case "CONFIRMED" -> "appointment.confirmed";
            case "CHECKED_IN" -> "appointment.checked-in";
            default -> null;
        };
        if (name == null) {
            return Optional.empty();
        }
        UUID id = UUID.nameUUIDFromBytes(("appointment_status:" + note.id()).getBytes(StandardCharsets.UTF_8));
        return Optional.of(new AnalyticsEvent(id, receivedAt, note.occurredAt(), name, "server", note.garageId(),
                userKeys.of(note.garageId(), note.customerId()), null, null, null, null, false, note.appointmentId(),
                Map.of("appointmentId", note.appointmentId().toString())));
    }

    /** The analytics id of a job event: a name-based UUID of its id, the same in every pod and run. */
    public static UUID idOf(JobEventMessage event) {
        return UUID.nameUUIDFromBytes(("job_event:" + event.id()).getBytes(StandardCharsets.UTF_8));
    }

    private static boolean approvedSomething(Map<String, Object> payload) {
        return payload.get("approved") instanceof Collection<?> approved && !approved.isEmpty();
    }

    private static String approved(Map<String, Object> payload, Map<String, Object> properties) {
        copy(payload, "approvedGrossMinor", properties);
        return "estimate.approved";
    }

    private static String paid(Map<String, Object> payload, Map<String, Object> properties) {
        copy(payload, "purpose", properties);
        copy(payload, "amountMinor", properties);
        return "payment.succeeded";
    }

    private static void copy(Map<String, Object> from, String key, Map<String, Object> to) {
        if (from.get(key) != null) {
            to.put(key, from.get(key));
        }
    }
}
