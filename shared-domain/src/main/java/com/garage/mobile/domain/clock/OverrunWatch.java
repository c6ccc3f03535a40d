package com.garage.mobile.domain.clock;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.job.EstimateLine;
import com.garage.mobile.domain.job.JobCard;
import com.garage.mobile.domain.job.JobEvent;
import com.garage.mobile.domain.job.JobEventLog;
import com.garage.mobile.domain.job.JobEventType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Flags a job whose worked time passed its labour estimate, once per job and estimate: the claim
 * is a row of {@code job_time_overrun}, so a second stop, the next scheduled tick or another pod
 * finds it taken. A larger estimate can be overrun (and flagged) again.
 */
@ApplicationScoped
public class OverrunWatch {

    public static final String ACTION = "job.time-overrun";
    private static final String CLAIM = """
            insert into job_time_overrun (job_id, garage_id, estimate_minutes, worked_minutes, flagged_at)
            values (:job, :garage, :estimate, :worked, :at) on conflict do nothing""";

    private final JobEventLog events;
    private final AuditTrail audit;

    public OverrunWatch(JobEventLog events, AuditTrail audit) {
        this.events = events;
        this.audit = audit;
    }

    /** The job's time now, counting running entries up to {@code now}. */
    public static Uni<JobTime> time(UUID jobId, Instant now) {
        return TimeEntry.<TimeEntry>list("jobId = ?1 order by startedAt", jobId)
                .chain(entries -> EstimateLine.<EstimateLine>list("jobId", jobId)
                        .map(lines -> TimeRules.totals(entries.stream().map(TimeEntry::span).toList(),
                                TimeRules.estimateMinutes(lines), now)));
    }

    /** In the caller's transaction: the overrun event, if this is the first time this estimate is passed. */
    public Uni<Optional<JobEvent>> check(Actor actor, JobCard job, Instant now) {
        return time(job.id, now).chain(time -> time.overrun() ? claim(actor, job, time, now)
                : Uni.createFrom().item(Optional.empty()));
    }

    private Uni<Optional<JobEvent>> claim(Actor actor, JobCard job, JobTime time, Instant now) {
        Map<String, Object> detail = Map.of("workedMinutes", time.workedMinutes(),
                "estimateMinutes", time.estimateMinutes());
        return Panache.getSession().chain(session -> session.createNativeQuery(CLAIM)
                        .setParameter("job", job.id).setParameter("garage", job.garageId)
                        .setParameter("estimate", time.estimateMinutes())
                        .setParameter("worked", (int) time.workedMinutes()).setParameter("at", now)
                        .executeUpdate())
                .chain(claimed -> claimed == 0 ? Uni.createFrom().item(Optional.<JobEvent>empty())
                        : events.append(job, JobEventType.TIME_OVERRUN, detail, actor, now)
                                .call(() -> audit.record(actor, ACTION, "job", job.id, AuditOutcome.SUCCESS, detail,
                                        now))
                                .map(Optional::of));
    }

    /** Jobs with a clock running now, for the scheduled check. */
    public static Uni<List<TimeEntry>> runningWork() {
        return TimeEntry.list("endedAt is null and kind = ?1", EntryKind.WORK);
    }
}
