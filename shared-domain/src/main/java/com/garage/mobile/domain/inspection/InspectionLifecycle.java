package com.garage.mobile.domain.inspection;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.audit.AuditedAction;
import com.garage.mobile.domain.event.JobEventMessage;
import com.garage.mobile.domain.garage.GarageRepository;
import com.garage.mobile.domain.job.ApprovalStatus;
import com.garage.mobile.domain.job.EstimateLine;
import com.garage.mobile.domain.job.JobAccess;
import com.garage.mobile.domain.job.JobCard;
import com.garage.mobile.domain.job.JobCardRepository;
import com.garage.mobile.domain.job.JobEventLog;
import com.garage.mobile.domain.job.JobEventPublisher;
import com.garage.mobile.domain.job.JobEventType;
import com.garage.mobile.domain.job.LineKind;
import com.garage.mobile.domain.job.LineNecessity;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.time.GarageClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Completes an inspection, once every item is inspected, turning its yellow and red items into
 * recommended estimate lines for the advisor to price; and publishes it to the customer.
 */
@ApplicationScoped
public class InspectionLifecycle {

    public static final String COMPLETE = "inspection.complete";
    public static final String PUBLISH = "inspection.publish";

    private final JobCardRepository jobs;
    private final GarageRepository garages;
    private final JobAccess access;
    private final JobEventLog events;
    private final AuditTrail audit;
    private final AuditedAction audited;
    private final JobEventPublisher stream;
    private final GarageClock clock;

    public InspectionLifecycle(JobCardRepository jobs, GarageRepository garages, JobAccess access,
            JobEventLog events, AuditTrail audit, AuditedAction audited, JobEventPublisher stream,
            GarageClock clock) {
        this.jobs = jobs;
        this.garages = garages;
        this.access = access;
        this.events = events;
        this.audit = audit;
        this.audited = audited;
        this.stream = stream;
        this.clock = clock;
    }

    public Uni<Inspection> complete(Actor actor, UUID jobId, long baseVersion) {
        return audited.run(actor, COMPLETE, "job", jobId, () -> completeNow(actor, jobId, baseVersion))
                .call(moved -> stream.publish(List.of(moved.event())))
                .map(Moved::inspection);
    }

    public Uni<Inspection> publish(Actor actor, UUID jobId, long baseVersion) {
        return audited.run(actor, PUBLISH, "job", jobId, () -> publishNow(actor, jobId, baseVersion))
                .call(moved -> stream.publish(List.of(moved.event())))
                .map(Moved::inspection);
    }

    @WithTransaction
    Uni<Moved> completeNow(Actor actor, UUID jobId, long baseVersion) {
        return jobs.requireInGarage(actor.garageId(), jobId)
                .call(job -> access.requireMayEdit(actor, job))
                .invoke(InspectionRules::requireOpen)
                .chain(job -> InspectionRules.ofJob(job.garageId, job.id)
                        .invoke(inspection -> InspectionRules.requireVersion(inspection, baseVersion))
                        .invoke(inspection -> InspectionRules.requireStatus(inspection, InspectionStatus.IN_PROGRESS,
                                "only an inspection in progress can be completed."))
                        .chain(inspection -> InspectionItem.<InspectionItem>list(
                                        "inspectionId = ?1 order by position", inspection.id)
                                .invoke(InspectionLifecycle::requireAllInspected)
                                .chain(items -> recommend(job, items))
                                .chain(lines -> recordCompleted(actor, job, inspection, lines))));
    }

    @WithTransaction
    Uni<Moved> publishNow(Actor actor, UUID jobId, long baseVersion) {
        if (actor.isTechnician()) {
            return Uni.createFrom().failure(new ProblemException(ProblemType.FORBIDDEN,
                    "Inspections are published by the garage's advisors."));
        }
        return jobs.requireInGarage(actor.garageId(), jobId)
                .chain(job -> InspectionRules.ofJob(job.garageId, job.id)
                        .invoke(inspection -> InspectionRules.requireVersion(inspection, baseVersion))
                        .invoke(inspection -> InspectionRules.requireStatus(inspection, InspectionStatus.COMPLETED,
                                "only a completed inspection can be published."))
                        .chain(inspection -> recordPublished(actor, job, inspection)));
    }

    private static void requireAllInspected(List<InspectionItem> items) {
        List<String> open = items.stream().filter(item -> item.condition == null).map(item -> item.key).toList();
        if (!open.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_TRANSITION,
                    "%d items are not inspected yet: %s.".formatted(open.size(), String.join(", ", open)));
        }
    }

    /** One recommended line per yellow or red item, after the estimate's last line, at no price yet. */
    private Uni<List<EstimateLine>> recommend(JobCard job, List<InspectionItem> items) {
        List<InspectionItem> findings = items.stream().filter(item -> item.condition.needsAttention()).toList();
        if (findings.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return garages.require(job.garageId)
                .chain(garage -> EstimateLine.<EstimateLine>find("jobId = ?1 order by position desc", job.id)
                        .firstResult()
                        .map(last -> {
                            int next = last == null ? 0 : last.position + 1;
                            List<EstimateLine> lines = new ArrayList<>();
                            for (InspectionItem finding : findings) {
                                lines.add(line(job, finding, next + lines.size(), garage.taxRateBp));
                            }
                            return lines;
                        }))
                .call(lines -> EstimateLine.persist(lines));
    }

    private EstimateLine line(JobCard job, InspectionItem finding, int position, int taxRateBp) {
        Instant now = clock.now();
        EstimateLine line = new EstimateLine();
        line.id = UUID.randomUUID();
        line.garageId = job.garageId;
        line.jobId = job.id;
        line.position = position;
        line.kind = LineKind.LABOUR;
        line.description = description(finding);
        line.quantity = BigDecimal.ONE;
        line.taxRateBp = taxRateBp;
        line.approvalStatus = ApprovalStatus.PENDING;
        line.necessity = LineNecessity.RECOMMENDED;
        line.inspectionItemId = finding.id;
        line.awaitingPrice = true;
        line.createdAt = now;
        line.updatedAt = now;
        return line;
    }

    private static String description(InspectionItem finding) {
        String text = finding.note == null ? finding.label : finding.label + ": " + finding.note;
        return text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }

    private Uni<Moved> recordCompleted(Actor actor, JobCard job, Inspection inspection, List<EstimateLine> lines) {
        Instant now = clock.now();
        inspection.status = InspectionStatus.COMPLETED;
        inspection.completedAt = now;
        inspection.updatedAt = now;
        Map<String, Object> change = Map.of("inspectionId", inspection.id.toString(),
                "recommendedLines", lines.stream().map(line -> line.id.toString()).toList());
        return record(actor, job, inspection, JobEventType.INSPECTION_COMPLETED, COMPLETE, change, now);
    }

    private Uni<Moved> recordPublished(Actor actor, JobCard job, Inspection inspection) {
        Instant now = clock.now();
        inspection.status = InspectionStatus.PUBLISHED;
        inspection.publishedAt = now;
        inspection.publishedBy = actor.personId();
        inspection.updatedAt = now;
        Map<String, Object> change = Map.of("inspectionId", inspection.id.toString());
        return record(actor, job, inspection, JobEventType.INSPECTION_PUBLISHED, PUBLISH, change, now);
    }

    private Uni<Moved> record(Actor actor, JobCard job, Inspection inspection, JobEventType type, String action,
            Map<String, Object> change, Instant now) {
        return jobs.flush()
                .chain(() -> events.append(job, type, change, actor, now))
                .call(() -> audit.record(actor, action, "inspection", inspection.id, AuditOutcome.SUCCESS, change,
                        now))
                .map(event -> new Moved(inspection, event.message()));
    }

    private record Moved(Inspection inspection, JobEventMessage event) {
    }
}
