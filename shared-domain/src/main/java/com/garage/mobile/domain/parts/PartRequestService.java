package com.garage.mobile.domain.parts;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.event.Changed;
import com.garage.mobile.domain.job.JobAccess;
import com.garage.mobile.domain.job.JobCard;
import com.garage.mobile.domain.job.JobCardRepository;
import com.garage.mobile.domain.job.JobEventLog;
import com.garage.mobile.domain.job.JobEventType;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.problem.StaleVersionException;
import com.garage.mobile.domain.time.GarageClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Requests for parts the shelf lacks: made from the bay on a job the technician works on, moved on
 * (ordered, received, cancelled) by the garage's advisors and admins. Each is announced on the job
 * for the advisors' board.
 */
@ApplicationScoped
public class PartRequestService {

    public static final String CREATE = "part-request.create";
    public static final String CHANGE = "part-request.change-status";

    private final JobCardRepository jobs;
    private final JobAccess access;
    private final PartCatalogue catalogue;
    private final JobEventLog events;
    private final AuditTrail audit;
    private final GarageClock clock;

    public PartRequestService(JobCardRepository jobs, JobAccess access, PartCatalogue catalogue, JobEventLog events,
            AuditTrail audit, GarageClock clock) {
        this.jobs = jobs;
        this.access = access;
        this.catalogue = catalogue;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the bay asks for: a catalogue part, or a description of one, or both. */
    public record Wanted(UUID partId, String description, BigDecimal quantity, String note) {
    }

    @WithTransaction
    public Uni<Changed<PartRequest>> request(Actor actor, UUID requestId, UUID jobId, Wanted wanted) {
        if (wanted.partId() == null && wanted.description() == null) {
            throw ProblemException.invalidField("description", "is required when no partId is given");
        }
        return jobs.requireInGarage(actor.garageId(), jobId)
                .call(job -> access.requireMayEdit(actor, job))
                .invoke(PartRequestService::requireOpen)
                .call(job -> PartRequest.count("id", requestId).invoke(count -> {
                    if (count > 0) {
                        throw ProblemException.invalidField("requestId", "is the id of another request");
                    }
                }))
                .chain(job -> (wanted.partId() == null ? Uni.createFrom().<Part>nullItem()
                        : catalogue.require(actor.garageId(), wanted.partId()))
                        .chain(part -> create(actor, job, requestId, wanted, part)));
    }

    @WithTransaction
    public Uni<Changed<PartRequest>> changeStatus(Actor actor, UUID jobId, UUID requestId, PartRequestStatus target,
            long baseVersion) {
        return require(actor, requestId).invoke(request -> {
            if (!request.jobId.equals(jobId)) {
                throw ProblemException.notFound("Part request");
            }
        }).chain(request -> jobs.requireInGarage(actor.garageId(), request.jobId)
                .invoke(job -> requireChangeable(actor, request, target, baseVersion))
                .chain(job -> {
                    Instant now = clock.now();
                    PartRequestStatus from = request.status;
                    request.status = target;
                    request.updatedAt = now;
                    Map<String, Object> change = Map.of("requestId", request.id.toString(), "from", from.name(),
                            "to", target.name());
                    return jobs.flush()
                            .chain(() -> events.append(job, JobEventType.PART_REQUEST_CHANGED, change, actor, now))
                            .call(() -> audit.record(actor, CHANGE, "part-request", request.id, AuditOutcome.SUCCESS,
                                    change, now))
                            .map(event -> new Changed<>(request, List.of(event.message())));
                }));
    }

    public Uni<PartRequest> require(Actor actor, UUID requestId) {
        return PartRequest.<PartRequest>find("garageId = ?1 and id = ?2", actor.garageId(), requestId).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Part request"));
    }

    private Uni<Changed<PartRequest>> create(Actor actor, JobCard job, UUID requestId, Wanted wanted, Part part) {
        Instant now = clock.now();
        PartRequest request = new PartRequest();
        request.id = requestId;
        request.garageId = job.garageId;
        request.jobId = job.id;
        request.partId = part != null ? part.id : null;
        request.description = wanted.description() != null ? wanted.description() : part.description;
        request.quantity = wanted.quantity();
        request.note = wanted.note();
        request.status = PartRequestStatus.REQUESTED;
        request.requestedBy = actor.personId();
        request.createdAt = now;
        request.updatedAt = now;
        Map<String, Object> change = new HashMap<>(Map.of("requestId", requestId.toString(),
                "description", request.description, "quantity", request.quantity.toPlainString(),
                "requestedBy", actor.personId().toString()));
        if (part != null) {
            change.put("partNumber", part.partNumber);
        }
        return request.<PartRequest>persist().chain(() -> jobs.flush())
                .chain(() -> events.append(job, JobEventType.PART_REQUESTED, change, actor, now))
                .call(() -> audit.record(actor, CREATE, "part-request", requestId, AuditOutcome.SUCCESS, change, now))
                .map(event -> new Changed<>(request, List.of(event.message())));
    }

    private static void requireChangeable(Actor actor, PartRequest request, PartRequestStatus target, long baseVersion) {
        if (actor.isTechnician()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Advisors order parts; a technician asks for them.");
        }
        if (request.version != baseVersion) {
            throw new StaleVersionException("Part request", baseVersion, request.version);
        }
        if (!request.status.next().contains(target)) {
            throw new ProblemException(ProblemType.INVALID_TRANSITION, "A request that is %s cannot become %s."
                    .formatted(request.status, target));
        }
    }

    private static void requireOpen(JobCard job) {
        if (job.status.isFinished()) {
            throw new ProblemException(ProblemType.INVALID_TRANSITION,
                    "Job %d is %s: it needs no more parts.".formatted(job.number, job.status));
        }
    }
}
