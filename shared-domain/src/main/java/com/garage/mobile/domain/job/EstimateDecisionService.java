package com.garage.mobile.domain.job;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.audit.AuditedAction;
import com.garage.mobile.domain.event.JobEventMessage;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.problem.StaleVersionException;
import com.garage.mobile.domain.time.GarageClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A customer approves or declines a line of their job's estimate. Each pending line is decided
 * once; the job's status stays with the workshop, which learns of every decision (and when none
 * is left pending) from the job's events.
 */
@ApplicationScoped
public class EstimateDecisionService {

    public static final String ACTION = "job.decide-estimate-line";
    /** Once the car is ready or the job is over, the estimate is what was done. */
    private static final Set<JobStatus> DECIDED_BY_NOW = EnumSet.of(JobStatus.READY_FOR_PICKUP, JobStatus.CLOSED,
            JobStatus.CANCELLED);

    private final JobCardRepository jobs;
    private final JobEventLog events;
    private final AuditTrail audit;
    private final AuditedAction audited;
    private final JobEventPublisher stream;
    private final GarageClock clock;

    public EstimateDecisionService(JobCardRepository jobs, JobEventLog events, AuditTrail audit,
            AuditedAction audited, JobEventPublisher stream, GarageClock clock) {
        this.clock = clock;
        this.jobs = jobs;
        this.events = events;
        this.audit = audit;
        this.audited = audited;
        this.stream = stream;
    }

    /** Records the decision and, once committed, publishes it to every pod. */
    public Uni<JobEventMessage> decide(Actor customer, UUID jobId, UUID lineId, LineDecision decision, String note,
            long baseVersion) {
        return audited.run(customer, ACTION, "job", jobId, () -> apply(customer, jobId, lineId, decision, note,
                baseVersion))
                .call(event -> stream.publish(List.of(event)));
    }

    @WithTransaction
    Uni<JobEventMessage> apply(Actor customer, UUID jobId, UUID lineId, LineDecision decision, String note,
            long baseVersion) {
        return jobs.requireOfCustomer(customer.garageId(), customer.personId(), jobId)
                .invoke(EstimateDecisionService::requireOpen)
                .chain(job -> EstimateLine.<EstimateLine>find(
                                "garageId = ?1 and jobId = ?2 and id = ?3 and awaitingPrice = false", job.garageId, job.id,
                                lineId).firstResult()
                        .onItem().ifNull().failWith(() -> ProblemException.notFound("Estimate line"))
                        .invoke(line -> requireVersion(line, baseVersion))
                        .invoke(EstimateDecisionService::requirePending)
                        .chain(line -> record(customer, job, line, decision, note)));
    }

    private Uni<JobEventMessage> record(Actor customer, JobCard job, EstimateLine line, LineDecision decision,
            String note) {
        Instant now = clock.now();
        line.approvalStatus = decision.status();
        line.decidedAt = now;
        line.decisionNote = note;
        line.updatedAt = now;
        return jobs.flush()
                .chain(() -> EstimateLine.count("jobId = ?1 and approvalStatus = ?2", job.id, ApprovalStatus.PENDING))
                .chain(pending -> {
                    Map<String, Object> change = new HashMap<>();
                    change.put("lineId", line.id.toString());
                    change.put("decision", decision.name());
                    change.put("grossMinor", line.grossMinor());
                    change.put("pendingLines", pending);
                    return events.append(job, JobEventType.ESTIMATE_LINE_DECIDED, change, customer, now)
                            .call(() -> audit.record(customer, ACTION, "job", job.id, AuditOutcome.SUCCESS, change,
                                    now));
                })
                .map(JobEvent::message);
    }

    private static void requireOpen(JobCard job) {
        if (DECIDED_BY_NOW.contains(job.status)) {
            throw new ProblemException(ProblemType.INVALID_TRANSITION,
                    "Job %d is %s: its estimate can no longer be changed.".formatted(job.number, job.status));
        }
    }

    private static void requireVersion(EstimateLine line, long baseVersion) {
        if (line.version != baseVersion) {
            throw new StaleVersionException("The estimate line", baseVersion, line.version);
        }
    }

    private static void requirePending(EstimateLine line) {
        if (line.approvalStatus != ApprovalStatus.PENDING) {
            throw new ProblemException(ProblemType.INVALID_TRANSITION,
                    "This line was already %s.".formatted(line.approvalStatus.name().toLowerCase()));
        }
    }
}
