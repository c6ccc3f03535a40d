package com.garage.mobile.domain.job;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.event.Changed;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.problem.StaleVersionException;
import com.garage.mobile.domain.time.GarageClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Moves a step of a job through its lifecycle: only on an unfinished job, by its assigned
 * technicians or the garage's advisors. The caller publishes the returned events after commit.
 */
@ApplicationScoped
public class JobStepService {

    public static final String ACTION = "job-step.change-status";

    private final JobCardRepository jobs;
    private final JobAccess access;
    private final JobEventLog events;
    private final AuditTrail audit;
    private final GarageClock clock;

    public JobStepService(JobCardRepository jobs, JobAccess access, JobEventLog events, AuditTrail audit, GarageClock clock) {
        this.clock = clock;
        this.jobs = jobs;
        this.access = access;
        this.events = events;
        this.audit = audit;
    }

    /** The step as it is now, if it belongs to the actor's garage. */
    public Uni<JobStep> require(Actor actor, UUID stepId) {
        return JobStep.<JobStep>find("garageId = ?1 and id = ?2", actor.garageId(), stepId).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Job step"));
    }

    @WithTransaction
    public Uni<Changed<JobStep>> changeStatus(Actor actor, UUID stepId, StepStatus target, long baseVersion) {
        return require(actor, stepId).chain(step -> jobs.requireInGarage(actor.garageId(), step.jobId)
                .call(job -> access.requireMayEdit(actor, job))
                .invoke(job -> requireChangeable(job, step, target, baseVersion))
                .chain(job -> record(actor, job, step, target)));
    }

    private Uni<Changed<JobStep>> record(Actor actor, JobCard job, JobStep step, StepStatus target) {
        Instant now = clock.now();
        StepStatus from = step.status;
        step.status = target;
        step.updatedAt = now;
        step.completedAt = target == StepStatus.DONE ? now : null;
        step.completedBy = target == StepStatus.DONE ? actor.personId() : null;
        Map<String, Object> change = Map.of("stepId", step.id.toString(), "title", step.title, "from", from.name(),
                "to", target.name());
        return jobs.flush()
                .chain(() -> events.append(job, JobEventType.STEP_STATUS_CHANGED, change, actor, now))
                .call(() -> audit.record(actor, ACTION, "job-step", step.id, AuditOutcome.SUCCESS, change, now))
                .map(event -> new Changed<>(step, List.of(event.message())));
    }

    private static void requireChangeable(JobCard job, JobStep step, StepStatus target, long baseVersion) {
        if (job.status.isFinished()) {
            throw new ProblemException(ProblemType.INVALID_TRANSITION,
                    "Job %d is %s: its steps can no longer be changed.".formatted(job.number, job.status));
        }
        if (step.version != baseVersion) {
            throw new StaleVersionException("Step " + step.title, baseVersion, step.version);
        }
        if (!step.status.next().contains(target)) {
            throw new ProblemException(ProblemType.INVALID_TRANSITION,
                    "Step '%s' cannot move from %s to %s. Allowed now: %s.".formatted(step.title, step.status,
                            target, step.status.next()));
        }
    }
}
