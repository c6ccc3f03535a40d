package com.garage.mobile.technician.clock;

import com.garage.mobile.domain.clock.EntryKind;
import com.garage.mobile.domain.clock.OfflineEntry;
import com.garage.mobile.domain.clock.PauseReason;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code time-entry record}: an entry clocked offline, by the device's times; {@code endedAt} absent
 * while it still runs, {@code pauseReason} for a pause only.
 */
public record RecordEntryPayload(@NotNull UUID jobId, UUID stepId, @NotNull EntryKind kind, PauseReason pauseReason,
        @NotNull Instant startedAt, Instant endedAt) {

    OfflineEntry entry() {
        return new OfflineEntry(jobId, stepId, kind, pauseReason, startedAt, endedAt);
    }
}
