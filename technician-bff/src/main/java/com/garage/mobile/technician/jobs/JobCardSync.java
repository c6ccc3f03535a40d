package com.garage.mobile.technician.jobs;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.clock.JobTimes;
import com.garage.mobile.domain.job.JobCardBatch;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.sync.SyncRecords;
import com.garage.mobile.platform.sync.SyncScope;
import com.garage.mobile.platform.sync.SyncableType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Jobs in the technician app's offline copy, as the job card screen shows them: a technician's
 * assigned jobs, the garage's for advisors and admins; open, or closed within the window. The
 * customer and vehicle fields the card needs are embedded.
 */
@ApplicationScoped
class JobCardSync implements SyncableType {

    private static final String MY_JOBS = "select j.id from job_card j join job_assignment a"
            + " on a.job_id = j.id and a.technician_id = $2 where j.garage_id = $1 and ";
    private static final String GARAGE_JOBS =
            "select j.id from job_card j where $2::uuid is not null and j.garage_id = $1 and ";
    private static final String RECENT_JOB = "(j.closed_at is null or j.closed_at >= $3)";
    private static final String AGED_JOB = "j.closed_at < $3 and j.closed_at >= $4";
    // A change racing an assignment named the technicians before it: read the rows of jobs assigned now too.
    private static final String MINE_NOW_OR_NAMED = "(" + SyncScope.NAMING_CALLER
            + " or c.entity_id in (select job_id from job_assignment where technician_id = $2))";

    private final JobCardBatch jobs;
    private final JobTimes times;
    private final GarageClock clock;

    JobCardSync(JobCardBatch jobs, JobTimes times, GarageClock clock) {
        this.jobs = jobs;
        this.times = times;
        this.clock = clock;
    }

    @Override
    public Declaration declaration() {
        return new Declaration("job", AppAudience.STAFF, 10);
    }

    @Override
    public Optional<SyncScope> scope(Actor actor) {
        if (actor.isTechnician()) {
            return Optional.of(new SyncScope(MY_JOBS + RECENT_JOB, MY_JOBS + AGED_JOB, MINE_NOW_OR_NAMED));
        }
        return Optional.of(new SyncScope(GARAGE_JOBS + RECENT_JOB, GARAGE_JOBS + AGED_JOB, SyncScope.WHOLE_GARAGE));
    }

    @Override
    public Uni<Map<UUID, Object>> records(Actor viewer, List<UUID> ids) {
        Instant now = clock.now();
        return jobs.forStaff(viewer.garageId(), ids)
                .chain(found -> times.ofJobs(ids).map(entries -> SyncRecords.byId(found, detail -> detail.job().id,
                        detail -> JobCardViews.of(detail, viewer, entries.getOrDefault(detail.job().id, List.of()),
                                now))));
    }
}
