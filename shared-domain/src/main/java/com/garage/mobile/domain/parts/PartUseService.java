package com.garage.mobile.domain.parts;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.event.Changed;
import com.garage.mobile.domain.job.ApprovalStatus;
import com.garage.mobile.domain.job.EstimateLine;
import com.garage.mobile.domain.job.JobAccess;
import com.garage.mobile.domain.job.JobCard;
import com.garage.mobile.domain.job.JobCardRepository;
import com.garage.mobile.domain.job.JobEventLog;
import com.garage.mobile.domain.job.JobEventType;
import com.garage.mobile.domain.job.LineKind;
import com.garage.mobile.domain.problem.Problem;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.problem.StaleVersionException;
import com.garage.mobile.domain.time.GarageClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Parts taken from the shelf onto a job become PART estimate lines priced from the catalogue (cost
 * kept for staff), and the stock goes down in the same transaction; unused parts given back reduce
 * or remove the line and go back on the shelf.
 */
@ApplicationScoped
public class PartUseService {

    public static final String USE = "job.part-use";
    public static final String RETURN = "job.part-return";
    private static final String TAKE = "update part set stock_on_hand = stock_on_hand - :qty, version = version + 1,"
            + " updated_at = :at where id = :id and garage_id = :garage and stock_on_hand >= :qty";
    private static final String PUT_BACK = "update part set stock_on_hand = stock_on_hand + :qty,"
            + " version = version + 1, updated_at = :at where id = :id and garage_id = :garage";

    private final JobCardRepository jobs;
    private final JobAccess access;
    private final PartCatalogue catalogue;
    private final JobEventLog events;
    private final AuditTrail audit;
    private final GarageClock clock;

    public PartUseService(JobCardRepository jobs, JobAccess access, PartCatalogue catalogue, JobEventLog events,
            AuditTrail audit, GarageClock clock) {
        this.jobs = jobs;
        this.access = access;
        this.catalogue = catalogue;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** Takes {@code quantity} of a part onto the job as a new line under the id the app chose. */
    @WithTransaction
    public Uni<Changed<EstimateLine>> use(Actor actor, UUID jobId, UUID lineId, UUID partId, BigDecimal quantity) {
        Instant now = clock.now();
        return openJob(actor, jobId)
                .call(job -> EstimateLine.count("id", lineId).invoke(count -> {
                    if (count > 0) {
                        throw ProblemException.invalidField("lineId", "is the id of another estimate line");
                    }
                }))
                .chain(job -> catalogue.require(actor.garageId(), partId)
                        .call(part -> take(part, quantity, now))
                        .chain(part -> addLine(actor, job, lineId, part, quantity, now)));
    }

    /** Gives back {@code quantity} unused parts of a line taken from the shelf; none left removes the line. */
    @WithTransaction
    public Uni<Changed<EstimateLine>> giveBack(Actor actor, UUID jobId, UUID lineId, BigDecimal quantity,
            long baseVersion) {
        Instant now = clock.now();
        return openJob(actor, jobId).chain(job -> EstimateLine.<EstimateLine>find("id = ?1 and jobId = ?2", lineId, jobId)
                .firstResult().onItem().ifNull().failWith(() -> ProblemException.notFound("Estimate line"))
                .invoke(line -> requireReturnable(line, quantity, baseVersion))
                .chain(line -> putBack(actor, job, line, quantity, now)));
    }

    /** A line of a job in the actor's garage, as it is now. */
    public Uni<EstimateLine> line(Actor actor, UUID lineId) {
        return EstimateLine.<EstimateLine>find("garageId = ?1 and id = ?2", actor.garageId(), lineId).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Estimate line"));
    }

    private Uni<JobCard> openJob(Actor actor, UUID jobId) {
        return jobs.requireInGarage(actor.garageId(), jobId)
                .call(job -> access.requireMayEdit(actor, job))
                .invoke(job -> {
                    if (job.status.isFinished()) {
                        throw new ProblemException(ProblemType.INVALID_TRANSITION,
                                "Job %d is %s: its parts can no longer change.".formatted(job.number, job.status));
                    }
                });
    }

    private static Uni<Void> take(Part part, BigDecimal quantity, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(TAKE).setParameter("qty", quantity)
                        .setParameter("at", now).setParameter("id", part.id).setParameter("garage", part.garageId)
                        .executeUpdate())
                .invoke(updated -> {
                    if (updated == 0) {
                        throw new ProblemException(Problem.of(ProblemType.OUT_OF_STOCK, "%s on hand of %s, %s asked for."
                                .formatted(part.stockOnHand.stripTrailingZeros().toPlainString(), part.partNumber,
                                        quantity.stripTrailingZeros().toPlainString())));
                    }
                })
                .chain(() -> Panache.getSession()).chain(session -> session.refresh(part)).replaceWithVoid();
    }

    private Uni<Changed<EstimateLine>> addLine(Actor actor, JobCard job, UUID lineId, Part part, BigDecimal quantity,
            Instant now) {
        return EstimateLine.<EstimateLine>list("jobId", job.id).chain(lines -> {
            EstimateLine line = new EstimateLine();
            line.id = lineId;
            line.garageId = job.garageId;
            line.jobId = job.id;
            line.position = lines.stream().mapToInt(l -> l.position + 1).max().orElse(0);
            line.kind = LineKind.PART;
            line.description = part.description;
            line.partNumber = part.partNumber;
            line.partId = part.id;
            line.quantity = quantity;
            line.unitPriceMinor = part.priceMinor;
            line.costPriceMinor = part.costMinor;
            line.taxRateBp = part.taxRateBp;
            line.approvalStatus = ApprovalStatus.PENDING;
            line.createdAt = now;
            line.updatedAt = now;
            Map<String, Object> change = Map.of("lineId", lineId.toString(), "partId", part.id.toString(),
                    "partNumber", part.partNumber, "quantity", quantity.toPlainString());
            return line.<EstimateLine>persist().chain(() -> jobs.flush())
                    .chain(() -> events.append(job, JobEventType.PART_USED, change, actor, now))
                    .call(() -> audit.record(actor, USE, "job", job.id, AuditOutcome.SUCCESS, change, now))
                    .map(event -> new Changed<>(line, List.of(event.message())));
        });
    }

    private static void requireReturnable(EstimateLine line, BigDecimal quantity, long baseVersion) {
        if (line.version != baseVersion) {
            throw new StaleVersionException("Estimate line", baseVersion, line.version);
        }
        if (line.partId == null) {
            throw ProblemException.invalidField("lineId", "was not taken from the parts catalogue");
        }
        if (quantity.compareTo(line.quantity) > 0) {
            throw ProblemException.invalidField("quantity", "is more than the line's " + line.quantity.toPlainString());
        }
    }

    private Uni<Changed<EstimateLine>> putBack(Actor actor, JobCard job, EstimateLine line, BigDecimal quantity,
            Instant now) {
        BigDecimal left = line.quantity.subtract(quantity);
        Map<String, Object> change = Map.of("lineId", line.id.toString(), "partId", line.partId.toString(),
                "returned", quantity.toPlainString(), "left", left.toPlainString());
        Uni<Void> lineChange = left.signum() == 0 ? line.delete() : Uni.createFrom().voidItem().invoke(() -> {
            line.quantity = left;
            line.updatedAt = now;
        });
        return lineChange.chain(() -> Panache.getSession()).chain(session -> session.createNativeQuery(PUT_BACK)
                        .setParameter("qty", quantity).setParameter("at", now).setParameter("id", line.partId)
                        .setParameter("garage", line.garageId).executeUpdate())
                .chain(() -> jobs.flush())
                .chain(() -> events.append(job, JobEventType.PART_RETURNED, change, actor, now))
                .call(() -> audit.record(actor, RETURN, "job", job.id, AuditOutcome.SUCCESS, change, now))
                .map(event -> new Changed<>(left.signum() == 0 ? null : line, List.of(event.message())));
    }
}
