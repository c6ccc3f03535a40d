package com.garage.mobile.domain.job;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditEntry;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.audit.AuditedAction;
import com.garage.mobile.domain.event.JobEventMessage;
import com.garage.mobile.domain.problem.Problem;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.problem.StaleVersionException;
import com.garage.mobile.domain.time.GarageClock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Moves a job card through its lifecycle, guarding who may make which move. */
@ApplicationScoped
public class JobStatusService {

    public static final String ACTION = "job.change-status";

    private final Pool pool;
    private final AuditTrail audit;
    private final AuditedAction audited;
    private final JobEventPublisher stream;
    private final GarageClock clock;

    public JobStatusService(Pool pool, AuditTrail audit, AuditedAction audited, JobEventPublisher stream,
            GarageClock clock) {
        this.pool = pool;
        this.audit = audit;
        this.audited = audited;
        this.stream = stream;
        this.clock = clock;
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

    private Uni<StatusChanged> apply(Actor actor, UUID jobId, JobStatus target, long baseVersion) {
        return JobStatusRows.read(pool, actor, jobId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Job"))
                .invoke(read -> JobAccess.requireMayEdit(actor, read.job(), read.assigned(actor.personId())))
                .invoke(read -> read.job().requireVersion(baseVersion))
                .invoke(read -> requireAllowed(actor, read.job(), target))
                .chain(read -> record(actor, read, target))
                .onItem().ifNull().switchTo(() -> refuseAsStale(actor, jobId, baseVersion));
    }

    /** The job changed between its read and the write: refused as a change from an old version is. */
    private Uni<StatusChanged> refuseAsStale(Actor actor, UUID jobId, long baseVersion) {
        return JobStatusRows.read(pool, actor, jobId).map(now -> {
            throw now == null ? ProblemException.notFound("Job")
                    : new StaleVersionException("Job " + now.job().number, baseVersion, now.job().version);
        });
    }

    private Uni<StatusChanged> record(Actor actor, JobStatusRows.ReadJob read, JobStatus target) {
        Map<String, Object> change = Map.of("from", read.job().status.name(), "to", target.name());
        AuditEntry entry = audit.prepare(actor, ACTION, "job", read.job().id, AuditOutcome.SUCCESS, change,
                clock.now());
        return JobStatusRows.write(pool, read, target, change, entry);
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
