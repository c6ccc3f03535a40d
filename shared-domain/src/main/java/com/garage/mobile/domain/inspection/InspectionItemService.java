package com.garage.mobile.domain.inspection;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.event.Changed;
import com.garage.mobile.domain.job.JobAccess;
import com.garage.mobile.domain.job.JobCard;
import com.garage.mobile.domain.job.JobCardRepository;
import com.garage.mobile.domain.job.JobEventLog;
import com.garage.mobile.domain.job.JobEventType;
import com.garage.mobile.domain.problem.Problem;
import com.garage.mobile.domain.problem.Problem.FieldError;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.problem.StaleVersionException;
import com.garage.mobile.domain.time.GarageClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Records what the technician found on an item while the inspection is in progress: condition,
 * note and the values of the template's measurements (the unit is the template's). The caller
 * publishes the returned event after commit; boards count red items from it.
 */
@ApplicationScoped
public class InspectionItemService {

    public static final String ACTION = "inspection-item.update";

    private final JobCardRepository jobs;
    private final JobAccess access;
    private final JobEventLog events;
    private final AuditTrail audit;
    private final GarageClock clock;

    public InspectionItemService(JobCardRepository jobs, JobAccess access, JobEventLog events, AuditTrail audit,
            GarageClock clock) {
        this.jobs = jobs;
        this.access = access;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** The item as it is now, if it belongs to the actor's garage. */
    public Uni<InspectionItem> require(Actor actor, UUID itemId) {
        return InspectionRules.item(actor.garageId(), itemId);
    }

    @WithTransaction
    public Uni<Changed<InspectionItem>> update(Actor actor, UUID itemId, long baseVersion, ItemFinding finding) {
        return require(actor, itemId).chain(item -> jobs.requireInGarage(actor.garageId(), item.jobId)
                .call(job -> access.requireMayEdit(actor, job))
                .invoke(() -> requireKnownMeasurements(item, finding))
                .invoke(InspectionRules::requireOpen)
                .call(() -> Inspection.<Inspection>findById(item.inspectionId).invoke(inspection ->
                        InspectionRules.requireStatus(inspection, InspectionStatus.IN_PROGRESS,
                                "its items can no longer change.")))
                .invoke(() -> {
                    if (item.version != baseVersion) {
                        throw new StaleVersionException("Item " + item.label, baseVersion, item.version);
                    }
                })
                .chain(job -> record(actor, job, item, finding)));
    }

    private Uni<Changed<InspectionItem>> record(Actor actor, JobCard job, InspectionItem item, ItemFinding finding) {
        Instant now = clock.now();
        item.condition = finding.condition();
        item.note = finding.note();
        item.measurements = finding.measurements() == null ? Map.of() : Map.copyOf(finding.measurements());
        item.inspectedBy = actor.personId();
        item.updatedAt = now;
        return jobs.flush()
                .chain(() -> InspectionItem.count("inspectionId = ?1 and condition = ?2", item.inspectionId,
                        ItemCondition.RED))
                .chain(red -> {
                    Map<String, Object> change = new HashMap<>();
                    change.put("inspectionId", item.inspectionId.toString());
                    change.put("itemId", item.id.toString());
                    change.put("key", item.key);
                    change.put("condition", item.condition == null ? null : item.condition.name());
                    change.put("redItems", red);
                    return events.append(job, JobEventType.INSPECTION_ITEM_UPDATED, change, actor, now)
                            .call(() -> audit.record(actor, ACTION, "inspection-item", item.id, AuditOutcome.SUCCESS,
                                    change, now));
                })
                .map(event -> new Changed<>(item, List.of(event.message())));
    }

    private static void requireKnownMeasurements(InspectionItem item, ItemFinding finding) {
        if (finding.measurements() == null) {
            return;
        }
        Set<String> known = item.measurementSpecs.stream().map(MeasurementSpec::key).collect(Collectors.toSet());
        List<FieldError> unknown = finding.measurements().keySet().stream().filter(key -> !known.contains(key))
                .sorted().map(key -> new FieldError("measurements." + key, "is not a measurement of this item;"
                        + " it takes " + known.stream().sorted().toList()))
                .toList();
        if (!unknown.isEmpty()) {
            throw new ProblemException(Problem.of(ProblemType.VALIDATION, "The request has an invalid field.")
                    .withErrors(unknown));
        }
    }
}
