package com.garage.mobile.technician.clock;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** {@code time-entry stop}: when the device stopped the running entry. */
public record StopEntryPayload(@NotNull Instant endedAt) {
}
