package com.garage.mobile.domain.inspection;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.audit.AuditedAction;
import com.garage.mobile.domain.event.JobEventMessage;
import com.garage.mobile.domain.inspection.CarryForward.Finding;
import com.garage.mobile.domain.inspection.CarryForward.ItemDraft;
import com.garage.mobile.domain.job.JobAccess;
import com.garage.mobile.domain.job.JobCard;
import com.garage.mobile.domain.job.JobCardRepository;
import com.garage.mobile.domain.job.JobEventLog;
import com.garage.mobile.domain.job.JobEventPublisher;
import com.garage.mobile.domain.job.JobEventType;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.time.GarageClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Starts a job's inspection from a template, carrying forward the vehicle's open findings. Completing
 * it ({@link InspectionLifecycle}) and publishing it are separate steps.
 */
@ApplicationScoped
public class InspectionService {

    public static final String START = "inspection.start";

    private final JobCardRepository jobs;
    private final JobAccess access;
    private final JobEventLog events;
    private final AuditTrail audit;
    private final AuditedAction audited;
    private final JobEventPublisher stream;
    private final GarageClock clock;

    public InspectionService(JobCardRepository jobs, JobAccess access, JobEventLog events, AuditTrail audit,
            AuditedAction audited, JobEventPublisher stream, GarageClock clock) {
        this.jobs = jobs;
        this.access = access;
        this.events = events;
        this.audit = audit;
        this.audited = audited;
        this.stream = stream;
        this.clock = clock;
    }

    public Uni<Inspection> start(Actor actor, UUID jobId, UUID templateId) {
        return audited.run(actor, START, "job", jobId, () -> begin(actor, jobId, templateId))
                .call(started -> stream.publish(List.of(started.event())))
                .map(Started::inspection);
    }

    @WithTransaction
    Uni<Started> begin(Actor actor, UUID jobId, UUID templateId) {
        return jobs.requireInGarage(actor.garageId(), jobId)
                .call(job -> access.requireMayEdit(actor, job))
                .invoke(InspectionRules::requireOpen)
                .call(job -> Inspection.count("jobId", job.id).invoke(existing -> {
                    if (existing > 0) {
                        throw new ProblemException(ProblemType.INVALID_TRANSITION,
                                "Job %d already has an inspection.".formatted(job.number));
                    }
                }))
                .chain(job -> InspectionTemplate.<InspectionTemplate>find("garageId = ?1 and id = ?2",
                                actor.garageId(), templateId).firstResult()
                        .onItem().ifNull().failWith(() -> ProblemException.invalidField("templateId",
                                "is not an inspection template of this garage"))
                        .chain(template -> lastFindings(job)
                                .chain(findings -> create(actor, job, template,
                                        CarryForward.plan(template.sections, findings)))));
    }

    /** The yellow and red items of the vehicle's last completed inspection on another job. */
    private static Uni<List<Finding>> lastFindings(JobCard job) {
        return Inspection.<Inspection>find("garageId = ?1 and vehicleId = ?2 and jobId <> ?3"
                        + " and completedAt is not null order by completedAt desc, id", job.garageId, job.vehicleId,
                        job.id).firstResult()
                .chain(last -> last == null ? Uni.createFrom().item(List.<InspectionItem>of())
                        : InspectionItem.<InspectionItem>list(
                                "inspectionId = ?1 and condition in (?2, ?3) order by position",
                                last.id, ItemCondition.YELLOW, ItemCondition.RED))
                .map(items -> items.stream().map(item -> new Finding(item.id, item.section,
                        new TemplateItem(item.key, item.label, item.customerVisible, item.measurementSpecs),
                        item.condition)).toList());
    }

    private Uni<Started> create(Actor actor, JobCard job, InspectionTemplate template, List<ItemDraft> drafts) {
        Instant now = clock.now();
        Inspection inspection = new Inspection();
        inspection.id = UUID.randomUUID();
        inspection.garageId = job.garageId;
        inspection.jobId = job.id;
        inspection.vehicleId = job.vehicleId;
        inspection.templateId = template.id;
        inspection.templateVersion = template.version;
        inspection.status = InspectionStatus.IN_PROGRESS;
        inspection.startedBy = actor.personId();
        inspection.createdAt = now;
        inspection.updatedAt = now;
        List<InspectionItem> items = new ArrayList<>();
        for (ItemDraft draft : drafts) {
            items.add(item(inspection, items.size(), draft, now));
        }
        Map<String, Object> change = new HashMap<>();
        change.put("inspectionId", inspection.id.toString());
        change.put("templateId", template.id.toString());
        change.put("templateVersion", template.version);
        change.put("items", items.size());
        change.put("carriedForward", items.stream().filter(i -> i.previousItemId != null).count());
        return inspection.persist()
                .call(() -> jobs.flush())
                .call(() -> InspectionItem.persist(items))
                .call(() -> jobs.flush())
                .chain(() -> events.append(job, JobEventType.INSPECTION_STARTED, change, actor, now))
                .call(() -> audit.record(actor, START, "inspection", inspection.id, AuditOutcome.SUCCESS, change,
                        now))
                .map(event -> new Started(inspection, event.message()));
    }

    private static InspectionItem item(Inspection inspection, int position, ItemDraft draft, Instant now) {
        InspectionItem item = new InspectionItem();
        item.id = UUID.randomUUID();
        item.garageId = inspection.garageId;
        item.inspectionId = inspection.id;
        item.jobId = inspection.jobId;
        item.position = position;
        item.section = draft.section();
        item.key = draft.item().key();
        item.label = draft.item().label();
        item.customerVisible = draft.item().customerVisible();
        item.measurementSpecs = draft.item().measurements();
        item.measurements = Map.of();
        item.previousItemId = draft.previousItemId();
        item.createdAt = now;
        item.updatedAt = now;
        return item;
    }

    private record Started(Inspection inspection, JobEventMessage event) {
    }
}
