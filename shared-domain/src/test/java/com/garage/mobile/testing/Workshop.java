package com.garage.mobile.testing;

import com.garage.mobile.domain.job.JobAssignmentService;
import com.garage.mobile.domain.job.JobStatus;
import com.garage.mobile.domain.job.JobStatusService;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * Changes jobs through the domain services, as a BFF does after its checks, and keeps track of
 * each job's version so that every change is based on the current one.
 */
public final class Workshop {

    private final JobStatusService statuses;
    private final JobAssignmentService assignments;
    private final Map<UUID, Long> versions = new HashMap<>();

    public Workshop(JobStatusService statuses, JobAssignmentService assignments) {
        this.statuses = statuses;
        this.assignments = assignments;
    }

    public synchronized void change(Person who, UUID jobId, JobStatus status) {
        run(jobId, version -> statuses.changeStatus(who.actor(), jobId, status, version));
    }

    public synchronized void assign(Person who, UUID jobId, Person technician) {
        run(jobId, version -> assignments.assign(who.actor(), jobId, technician.id(), version));
    }

    public synchronized void unassign(Person who, UUID jobId, Person technician) {
        run(jobId, version -> assignments.unassign(who.actor(), jobId, technician.id(), version));
    }

    private <T> void run(UUID jobId, LongFunction<Uni<T>> change) {
        long version = versions.getOrDefault(jobId, 0L);
        Supplier<Uni<T>> work = () -> change.apply(version);
        try {
            VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            throw new AssertionError("The change of job " + jobId + " failed", e);
        }
        versions.put(jobId, version + 1);
    }
}
