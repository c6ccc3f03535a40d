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
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The advisor prices a line of an estimate, typically one an inspection finding recommended: from
 * then on the customer sees it and may decide it. A line the customer already decided needs their
 * decision again at its new price.
 */
@ApplicationScoped
public class EstimatePricingService {

    public static final String ACTION = "estimate-line.price";

    private final JobCardRepository jobs;
    private final JobEventLog events;
    private final AuditTrail audit;
    private final AuditedAction audited;
    private final JobEventPublisher stream;
    private final GarageClock clock;

    public EstimatePricingService(JobCardRepository jobs, JobEventLog events, AuditTrail audit,
            AuditedAction audited, JobEventPublisher stream, GarageClock clock) {
        this.jobs = jobs;
        this.events = events;
        this.audit = audit;
        this.audited = audited;
        this.stream = stream;
        this.clock = clock;
    }

    public Uni<EstimateLine> price(Actor advisor, UUID lineId, BigDecimal quantity, long unitPriceMinor,
            long baseVersion) {
        return audited.run(advisor, ACTION, "estimate-line", lineId,
                        () -> apply(advisor, lineId, quantity, unitPriceMinor, baseVersion))
                .call(priced -> stream.publish(List.of(priced.event())))
                .map(Priced::line);
    }

    /** The job a line of the advisor's garage belongs to. */
    @WithSession
    public Uni<UUID> jobOf(Actor advisor, UUID lineId) {
        return line(advisor, lineId).map(line -> line.jobId);
    }

    @WithTransaction
    Uni<Priced> apply(Actor advisor, UUID lineId, BigDecimal quantity, long unitPriceMinor, long baseVersion) {
        if (advisor.isTechnician()) {
            return Uni.createFrom().failure(new ProblemException(ProblemType.FORBIDDEN,
                    "Estimates are priced by the garage's advisors."));
        }
        return line(advisor, lineId)
                .chain(line -> jobs.requireInGarage(advisor.garageId(), line.jobId)
                        .invoke(job -> requirePriceable(job, line, quantity, baseVersion))
                        .chain(job -> record(advisor, job, line, quantity, unitPriceMinor)));
    }

    private static Uni<EstimateLine> line(Actor advisor, UUID lineId) {
        return EstimateLine.<EstimateLine>find("garageId = ?1 and id = ?2", advisor.garageId(), lineId)
                .firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Estimate line"));
    }

    private Uni<Priced> record(Actor advisor, JobCard job, EstimateLine line, BigDecimal quantity,
            long unitPriceMinor) {
        Instant now = clock.now();
        line.quantity = quantity;
        line.unitPriceMinor = unitPriceMinor;
        line.awaitingPrice = false;
        line.updatedAt = now;
        if (line.approvalStatus != ApprovalStatus.PENDING) {
            line.approvalStatus = ApprovalStatus.PENDING;
            line.decidedAt = null;
            line.decisionNote = null;
        }
        Map<String, Object> change = Map.of("lineId", line.id.toString(), "necessity", line.necessity.name(),
                "grossMinor", line.grossMinor());
        return jobs.flush()
                .chain(() -> events.append(job, JobEventType.ESTIMATE_LINE_PRICED, change, advisor, now))
                .call(() -> audit.record(advisor, ACTION, "estimate-line", line.id, AuditOutcome.SUCCESS, change,
                        now))
                .map(event -> new Priced(line, event.message()));
    }

    private static void requirePriceable(JobCard job, EstimateLine line, BigDecimal quantity, long baseVersion) {
        if (quantity.signum() <= 0) {
            throw ProblemException.invalidField("quantity", "must be greater than 0");
        }
        if (job.status.isFinished()) {
            throw new ProblemException(ProblemType.INVALID_TRANSITION,
                    "Job %d is %s: its estimate can no longer change.".formatted(job.number, job.status));
        }
        if (line.version != baseVersion) {
            throw new StaleVersionException("The estimate line", baseVersion, line.version);
        }
    }

    private record Priced(EstimateLine line, JobEventMessage event) {
    }
}
