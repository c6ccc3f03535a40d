package com.garage.mobile.domain.media;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.job.JobAccess;
import com.garage.mobile.domain.job.JobCardRepository;
import com.garage.mobile.domain.job.JobStep;
import com.garage.mobile.domain.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Media of one step of a job: the work as it progresses, which the job's customer may follow. */
@ApplicationScoped
public class JobStepMediaTarget implements MediaTarget {

    private final JobCardRepository jobs;
    private final JobAccess access;

    public JobStepMediaTarget(JobCardRepository jobs, JobAccess access) {
        this.jobs = jobs;
        this.access = access;
    }

    @Override
    public String type() {
        return "job-step";
    }

    @Override
    public Uni<Optional<UUID>> jobForAttaching(Actor actor, UUID targetId) {
        return JobStep.<JobStep>find("garageId = ?1 and id = ?2", actor.garageId(), targetId).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Step"))
                .chain(step -> jobs.requireInGarage(actor.garageId(), step.jobId))
                .call(job -> access.requireMayEdit(actor, job))
                .invoke(JobMediaTarget::requireOpen)
                .map(job -> Optional.of(job.id));
    }

    @Override
    public Uni<Set<UUID>> visibleToCustomer(UUID garageId, Collection<UUID> targetIds) {
        if (targetIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return JobStep.<JobStep>list("garageId = ?1 and array_has(?2, id)", garageId, targetIds.toArray(UUID[]::new))
                .map(steps -> new HashSet<>(steps.stream().map(step -> step.id).toList()));
    }
}
