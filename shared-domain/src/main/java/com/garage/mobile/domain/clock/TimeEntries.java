package com.garage.mobile.domain.clock;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.job.JobCard;
import java.time.Instant;
import java.util.UUID;

/** New time entries, as clocked with a signal or queued offline. */
final class TimeEntries {

    private TimeEntries() {
    }

    static TimeEntry online(Actor actor, JobCard job, UUID id, UUID stepId, EntryKind kind, PauseReason reason,
            Instant now) {
        TimeEntry entry = base(actor, job, id, stepId, kind, reason, now);
        entry.startedAt = now;
        entry.source = EntrySource.ONLINE;
        return entry;
    }

    static TimeEntry offline(Actor actor, JobCard job, UUID id, OfflineEntry recorded, Instant now) {
        TimeEntry entry = base(actor, job, id, recorded.stepId(), recorded.kind(), recorded.pauseReason(), now);
        entry.startedAt = recorded.startedAt();
        entry.deviceStartedAt = recorded.startedAt();
        entry.endedAt = recorded.endedAt();
        entry.deviceEndedAt = recorded.endedAt();
        entry.endedRecordedAt = recorded.endedAt() != null ? now : null;
        entry.source = EntrySource.OFFLINE;
        return entry;
    }

    private static TimeEntry base(Actor actor, JobCard job, UUID id, UUID stepId, EntryKind kind, PauseReason reason,
            Instant now) {
        TimeEntry entry = new TimeEntry();
        entry.id = id;
        entry.garageId = job.garageId;
        entry.jobId = job.id;
        entry.stepId = stepId;
        entry.technicianId = actor.personId();
        entry.kind = kind;
        entry.pauseReason = kind == EntryKind.PAUSE ? reason : null;
        entry.recordedAt = now;
        entry.createdAt = now;
        entry.updatedAt = now;
        return entry;
    }
}
