package com.garage.mobile.domain.clock;

import java.time.Instant;
import java.util.UUID;

/** An entry the app clocked without a signal, by the device's times; {@code endedAt} null while it runs. */
public record OfflineEntry(UUID jobId, UUID stepId, EntryKind kind, PauseReason pauseReason, Instant startedAt,
        Instant endedAt) {
}
