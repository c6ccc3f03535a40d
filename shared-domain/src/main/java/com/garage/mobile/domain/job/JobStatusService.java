package com.garage.mobile.domain.job;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.audit.AuditedAction;
import com.garage.mobile.domain.event.JobEventMessage;
import com.garage.mobile.domain.problem.Problem;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.time.GarageClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Moves a job card through its lifecycle, guarding who may make which move. */
@ApplicationScoped
public class JobStatusService {

    public static final String ACTION = "job.change-status";

    private final JobCardRepository jobs;
    private final JobAccess access;
    private final JobEventLog events;
    private final AuditTrail audit;
    private final AuditedAction audited;
    private final JobEventPublisher stream;
    private final GarageClock clock;

    public JobStatusService(JobCardRepository jobs, JobAccess access, JobEventLog events, AuditTrail audit,
            AuditedAction audited, JobEventPublisher stream, GarageClock clock) {
        this.clock = clock;
        this.jobs = jobs;
        this.access = access;
        this.events = events;
        this.audit = audit;
        this.audited = audited;
        this.stream = stream;
    }

    /** The statuses the actor may move this job to now. */
    public static Set<JobStatus> allowedTargets(Actor actor, JobStatus current) {
        return actor.isTechnician() ? current.nextForTechnician() : current.next();
    }

    /** Changes the status and, once committed, publishes the change to every pod. */
    public Uni<StatusChanged> changeStatus(Actor actor, UUID jobId, JobStatus target, long baseVersion) {
        return audited.run(actor, ACTION, "job", jobId, () -> apply(actor, jobId, target, baseVersion))
                .call(changed -> stream.publish(List.of(changed.event())));
    }

    /** The committed change: its event, and the job's version after it. */
    public record StatusChanged(JobEventMessage event, long version) {
    }

    @WithTransaction
    Uni<StatusChanged> apply(Actor actor, UUID jobId, JobStatus target, long baseVersion) {
        return jobs.requireInGarage(actor.garageId(), jobId)
                .call(job -> access.requireMayEdit(actor, job))
                .invoke(job -> job.requireVersion(baseVersion))
                .invoke(job -> requireAllowed(actor, job, target))
                .chain(job -> record(actor, job, target));
    }

    private Uni<StatusChanged> record(Actor actor, JobCard job, JobStatus target) {
        Instant now = clock.now();
        JobStatus from = job.status;
        job.status = target;
        job.updatedAt = now;
        job.closedAt = target.isFinished() ? now : null;
        Map<String, Object> change = Map.of("from", from.name(), "to", target.name());
        return jobs.flush()
                .chain(() -> events.append(job, JobEventType.STATUS_CHANGED, change, actor, now))
                .call(() -> audit.record(actor, ACTION, "job", job.id, AuditOutcome.SUCCESS, change, now))
                .map(event -> new StatusChanged(event.message(), job.version));
    }

    private static void requireAllowed(Actor actor, JobCard job, JobStatus target) {
        if (!allowedTargets(actor, job.status).contains(target)) {
            throw new ProblemException(Problem.of(ProblemType.INVALID_TRANSITION,
                    "A %s cannot move job %d from %s to %s. Allowed now: %s.".formatted(
                            actor.role().claimValue(), job.number, job.status, target,
                            allowedTargets(actor, job.status))));
        }
    }
}
