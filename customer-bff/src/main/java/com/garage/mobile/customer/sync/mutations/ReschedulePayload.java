package com.garage.mobile.customer.sync.mutations;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** {@code appointment reschedule}: the new start; the appointment keeps its length. */
public record ReschedulePayload(@NotNull Instant startsAt) {
}
