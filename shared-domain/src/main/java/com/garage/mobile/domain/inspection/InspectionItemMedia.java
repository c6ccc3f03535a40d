package com.garage.mobile.domain.inspection;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.job.JobAccess;
import com.garage.mobile.domain.job.JobCardRepository;
import com.garage.mobile.domain.media.MediaTarget;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Photos and videos of an inspection item: whoever may edit the job attaches them until the
 * inspection is published (what the customer was shown does not change under them afterwards);
 * the customer sees those of customer-visible items of a published inspection.
 */
@ApplicationScoped
public class InspectionItemMedia implements MediaTarget {

    private final JobCardRepository jobs;
    private final JobAccess access;

    public InspectionItemMedia(JobCardRepository jobs, JobAccess access) {
        this.jobs = jobs;
        this.access = access;
    }

    @Override
    public String type() {
        return InspectionQueries.MEDIA_TARGET;
    }

    @Override
    @WithSession
    public Uni<Optional<UUID>> jobForAttaching(Actor actor, UUID targetId) {
        return InspectionRules.item(actor.garageId(), targetId)
                .chain(item -> jobs.requireInGarage(actor.garageId(), item.jobId)
                        .call(job -> access.requireMayEdit(actor, job))
                        .invoke(InspectionRules::requireOpen)
                        .call(job -> Inspection.<Inspection>findById(item.inspectionId)
                                .invoke(inspection -> {
                                    if (inspection.status == InspectionStatus.PUBLISHED) {
                                        InspectionRules.requireStatus(inspection, InspectionStatus.COMPLETED,
                                                "it takes no more photos or videos.");
                                    }
                                }))
                        .map(job -> Optional.of(job.id)));
    }

    @Override
    @WithSession
    public Uni<Set<UUID>> visibleToCustomer(UUID garageId, Collection<UUID> targetIds) {
        if (targetIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return InspectionItem.<InspectionItem>list("garageId = ?1 and array_has(?2, id) and customerVisible = true"
                        + " and inspectionId in (select i.id from Inspection i where i.status = ?3)", garageId,
                        targetIds.toArray(UUID[]::new), InspectionStatus.PUBLISHED)
                .map(items -> new HashSet<>(items.stream().map(item -> item.id).toList()));
    }
}
