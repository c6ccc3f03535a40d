package com.garage.mobile.domain.telemetry;

import java.time.Instant;
import java.util.List;

/**
 * What became of a report: the reading stored or recognized as a duplicate, and each code with how
 * often the vehicle has reported it.
 */
public record TelemetryReceipt(Odometer odometer, List<Code> codes) {

    /** {@code status} is {@code STORED} or {@code DUPLICATE} (nothing new: the answer repeats what we hold). */
    public record Odometer(String status, int km, Instant readAt) {
    }

    /** {@code isNew}: the first time the vehicle reported this code. */
    public record Code(String code, String system, Instant firstSeenAt, Instant lastSeenAt, int timesSeen,
            boolean isNew) {
    }
}
