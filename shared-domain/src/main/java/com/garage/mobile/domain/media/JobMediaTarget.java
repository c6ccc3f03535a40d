package com.garage.mobile.domain.media;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.job.JobAccess;
import com.garage.mobile.domain.job.JobCard;
import com.garage.mobile.domain.job.JobCardRepository;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Media of the job as a whole: the shop's own record of the car, kept from the customer. */
@ApplicationScoped
public class JobMediaTarget implements MediaTarget {

    private final JobCardRepository jobs;
    private final JobAccess access;

    public JobMediaTarget(JobCardRepository jobs, JobAccess access) {
        this.jobs = jobs;
        this.access = access;
    }

    @Override
    public String type() {
        return "job";
    }

    @Override
    public Uni<Optional<UUID>> jobForAttaching(Actor actor, UUID targetId) {
        return jobs.requireInGarage(actor.garageId(), targetId)
                .call(job -> access.requireMayEdit(actor, job))
                .invoke(JobMediaTarget::requireOpen)
                .map(job -> Optional.of(job.id));
    }

    @Override
    public Uni<Set<UUID>> visibleToCustomer(UUID garageId, Collection<UUID> targetIds) {
        return Uni.createFrom().item(Set.of());
    }

    static void requireOpen(JobCard job) {
        if (job.status.isFinished()) {
            throw new ProblemException(ProblemType.INVALID_TRANSITION,
                    "Job %d is %s: it takes no more media.".formatted(job.number, job.status));
        }
    }
}
