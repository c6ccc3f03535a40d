package com.garage.mobile.technician.clock;

import com.garage.mobile.domain.clock.EntryKind;
import com.garage.mobile.domain.clock.EntrySource;
import com.garage.mobile.domain.clock.PauseReason;
import com.garage.mobile.domain.clock.TimeEntry;
import com.garage.mobile.platform.web.VersionedView;
import java.time.Instant;
import java.util.UUID;

/**
 * A time entry as the technician app keeps it: the span that counts, the device's own times (offline
 * entries) and when the server learnt of its start and end.
 */
public record TimeEntryView(UUID id, UUID jobId, UUID stepId, UUID technicianId, EntryKind kind,
        PauseReason pauseReason, Instant startedAt, Instant endedAt, Instant deviceStartedAt, Instant deviceEndedAt,
        Instant recordedAt, Instant endedRecordedAt, EntrySource source, long version) implements VersionedView {

    public static TimeEntryView of(TimeEntry entry) {
        return entry == null ? null : new TimeEntryView(entry.id, entry.jobId, entry.stepId, entry.technicianId,
                entry.kind, entry.pauseReason, entry.startedAt, entry.endedAt, entry.deviceStartedAt,
                entry.deviceEndedAt, entry.recordedAt, entry.endedRecordedAt, entry.source, entry.version);
    }
}
