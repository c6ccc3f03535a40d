package com.garage.mobile.domain.job;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Who may change a job: its assigned technicians, and the garage's advisors and admins. */
@ApplicationScoped
public class JobAccess {

    public Uni<Void> requireMayEdit(Actor actor, JobCard job) {
        if (!actor.isTechnician()) {
            return Uni.createFrom().voidItem();
        }
        return JobAssignment.count("jobId = ?1 and technicianId = ?2", job.id, actor.personId())
                .invoke(count -> requireMayEdit(actor, job, count > 0))
                .replaceWithVoid();
    }

    /** The same rule, for a caller that has already read whether the actor is on the job. */
    public static void requireMayEdit(Actor actor, JobCard job, boolean assigned) {
        if (actor.isTechnician() && !assigned) {
            throw new ProblemException(ProblemType.FORBIDDEN, "You are not assigned to job " + job.number + ".");
        }
    }
}
