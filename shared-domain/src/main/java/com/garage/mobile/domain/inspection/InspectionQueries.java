package com.garage.mobile.domain.inspection;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.job.EstimateLine;
import com.garage.mobile.domain.job.JobCardRepository;
import com.garage.mobile.domain.media.Media;
import com.garage.mobile.domain.media.MediaStatus;
import com.garage.mobile.domain.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads inspections: a job's for staff, a published one's customer-visible items for the job's
 * customer, a batch for sync, and red counts for the boards. Queries run one after another.
 */
@ApplicationScoped
public class InspectionQueries {

    public static final String MEDIA_TARGET = "inspection-item";

    private final JobCardRepository jobs;

    public InspectionQueries(JobCardRepository jobs) {
        this.jobs = jobs;
    }

    @WithSession
    public Uni<InspectionDetail> forStaff(Actor staff, UUID jobId) {
        return jobs.requireInGarage(staff.garageId(), jobId)
                .chain(job -> InspectionRules.ofJob(job.garageId, job.id))
                .chain(inspection -> load(staff.garageId(), List.of(inspection.id), false))
                .map(List::getFirst);
    }

    /** The inspection an item of the staff member's garage belongs to. */
    @WithSession
    public Uni<InspectionDetail> forStaffByItem(Actor staff, UUID itemId) {
        return InspectionRules.item(staff.garageId(), itemId)
                .chain(item -> load(staff.garageId(), List.of(item.inspectionId), false))
                .map(List::getFirst);
    }

    /** The published inspection of one of the customer's jobs; an unpublished one does not exist for them. */
    @WithSession
    public Uni<InspectionDetail> forCustomer(Actor customer, UUID jobId) {
        return jobs.requireOfCustomer(customer.garageId(), customer.personId(), jobId)
                .chain(job -> load(customer.garageId(), Inspection.<Inspection>list(
                        "garageId = ?1 and jobId = ?2 and status = ?3", job.garageId, job.id,
                        InspectionStatus.PUBLISHED).map(found -> found.stream().map(i -> i.id).toList()), true))
                .invoke(found -> {
                    if (found.isEmpty()) {
                        throw ProblemException.notFound("Inspection");
                    }
                })
                .map(List::getFirst);
    }

    /**
     * The garage's inspections among these ids, in the form staff or the customer see them: the
     * customer only published ones, their customer-visible items and no carried-forward findings.
     */
    public Uni<List<InspectionDetail>> load(UUID garageId, List<UUID> ids, boolean customerView) {
        return load(garageId, Uni.createFrom().item(ids), customerView);
    }

    /** Red items per job, for the boards. */
    @WithSession
    public Uni<Map<UUID, Long>> redItems(UUID garageId, Collection<UUID> jobIds) {
        if (jobIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return InspectionItem.<InspectionItem>list("garageId = ?1 and array_has(?2, jobId) and condition = ?3",
                        garageId, jobIds.toArray(UUID[]::new), ItemCondition.RED)
                .map(items -> items.stream().collect(Collectors.groupingBy(item -> item.jobId, Collectors.counting())));
    }

    private Uni<List<InspectionDetail>> load(UUID garageId, Uni<List<UUID>> ids, boolean customerView) {
        var parts = new Parts();
        String published = customerView ? " and status = 'PUBLISHED'" : "";
        String visible = customerView ? " and customerVisible = true" : "";
        return ids.chain(wanted -> wanted.isEmpty() ? Uni.createFrom().item(List.<Inspection>of())
                        : Inspection.<Inspection>list("garageId = ?1 and array_has(?2, id)" + published, garageId,
                                wanted.toArray(UUID[]::new)))
                .invoke(found -> parts.inspections = found)
                .chain(() -> InspectionItem.<InspectionItem>list("garageId = ?1 and array_has(?2, inspectionId)"
                        + visible + " order by position", garageId,
                        array(parts.inspections.stream().map(i -> i.id).toList())))
                .invoke(items -> parts.items = items)
                .chain(() -> customerView ? Uni.createFrom().item(List.<InspectionItem>of())
                        : InspectionItem.<InspectionItem>list("garageId = ?1 and array_has(?2, id)", garageId,
                                array(parts.items.stream().map(i -> i.previousItemId).filter(p -> p != null)
                                        .toList())))
                .invoke(previous -> parts.previous = previous)
                .chain(() -> Media.<Media>list("garageId = ?1 and targetType = ?2 and array_has(?3, targetId)"
                        + " and status = ?4 and deletedAt is null order by createdAt, id", garageId, MEDIA_TARGET,
                        array(parts.itemIds()), MediaStatus.STORED))
                .invoke(media -> parts.media = media)
                .chain(() -> customerView ? Uni.createFrom().item(List.<EstimateLine>of())
                        : EstimateLine.<EstimateLine>list("garageId = ?1 and array_has(?2, inspectionItemId)", garageId,
                                array(parts.items.stream().map(i -> i.id).toList())))
                .map(parts::build);
    }

    private static UUID[] array(List<UUID> ids) {
        return ids.toArray(UUID[]::new);
    }

    /** What was read so far; filled one query at a time. */
    private static final class Parts {
        private List<Inspection> inspections;
        private List<InspectionItem> items;
        private List<InspectionItem> previous;
        private List<Media> media;

        List<UUID> itemIds() {
            List<UUID> ids = new ArrayList<>(items.stream().map(i -> i.id).toList());
            previous.forEach(item -> ids.add(item.id));
            return ids;
        }

        List<InspectionDetail> build(List<EstimateLine> lines) {
            Map<UUID, List<InspectionItem>> itemsOf = items.stream()
                    .collect(Collectors.groupingBy(item -> item.inspectionId));
            Map<UUID, InspectionItem> previousById = previous.stream()
                    .collect(Collectors.toMap(item -> item.id, Function.identity()));
            Map<UUID, List<Media>> mediaOf = media.stream().collect(Collectors.groupingBy(m -> m.targetId));
            Map<UUID, UUID> lineOf = lines.stream()
                    .collect(Collectors.toMap(line -> line.inspectionItemId, line -> line.id));
            return inspections.stream().map(inspection -> new InspectionDetail(inspection,
                    itemsOf.getOrDefault(inspection.id, List.of()), previousById, mediaOf, lineOf)).toList();
        }
    }
}
