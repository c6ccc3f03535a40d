package com.garage.mobile.domain.media;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.ActorRole;
import com.garage.mobile.domain.job.JobCardRepository;
import com.garage.mobile.domain.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Who may see a stored media: the garage's staff, and the job's customer when the media's target
 * lets them (a published inspection item, a step, a message of the customer channel); media outside
 * any job, the customer their target names (a general conversation's). Anyone else gets 404, as if it
 * did not exist.
 */
@ApplicationScoped
public class MediaReads {

    private final JobCardRepository jobs;
    private final MediaTargets targets;

    public MediaReads(JobCardRepository jobs, MediaTargets targets) {
        this.jobs = jobs;
        this.targets = targets;
    }

    @WithSession
    public Uni<Media> visibleTo(Actor viewer, UUID id) {
        Uni<Media> media = Media.<Media>find("garageId = ?1 and id = ?2 and status = ?3 and deletedAt is null",
                viewer.garageId(), id, MediaStatus.STORED).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Media"));
        if (viewer.role() != ActorRole.CUSTOMER) {
            return media;
        }
        return media.call(found -> requireOwnedBy(viewer, found))
                .call(found -> targets.of(found.targetType).visibleToCustomer(found.garageId, Set.of(found.targetId))
                        .invoke(visible -> {
                            if (!visible.contains(found.targetId)) {
                                throw ProblemException.notFound("Media");
                            }
                        }));
    }

    private Uni<?> requireOwnedBy(Actor customer, Media media) {
        if (media.jobId != null) {
            return jobs.requireOfCustomer(customer.garageId(), customer.personId(), media.jobId)
                    .onFailure().transform(e -> ProblemException.notFound("Media"));
        }
        return targets.of(media.targetType).customerOutsideJobs(media.garageId, media.targetId).invoke(owner -> {
            if (!customer.personId().equals(owner)) {
                throw ProblemException.notFound("Media");
            }
        });
    }

    /** The job's stored media, oldest first, for the garage's staff. */
    @WithSession
    public Uni<List<Media>> ofJob(Actor staff, UUID jobId) {
        return jobs.requireInGarage(staff.garageId(), jobId)
                .chain(job -> Media.<Media>list("jobId = ?1 and status = ?2 and deletedAt is null order by createdAt, id",
                        job.id, MediaStatus.STORED));
    }
}
