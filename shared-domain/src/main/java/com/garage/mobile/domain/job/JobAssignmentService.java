package com.garage.mobile.domain.job;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.ActorRole;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.audit.AuditedAction;
import com.garage.mobile.domain.event.JobEventMessage;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.staff.Staff;
import com.garage.mobile.domain.staff.StaffRepository;
import com.garage.mobile.domain.time.GarageClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Puts technicians on a job and takes them off. Both are idempotent: asking for the state the job
 * is already in changes nothing and announces nothing.
 */
@ApplicationScoped
public class JobAssignmentService {

    public static final String ASSIGN = "job.assign-technician";
    public static final String UNASSIGN = "job.unassign-technician";

    private final JobCardRepository jobs;
    private final StaffRepository staff;
    private final JobEventLog events;
    private final AuditTrail audit;
    private final AuditedAction audited;
    private final JobEventPublisher stream;
    private final GarageClock clock;

    public JobAssignmentService(JobCardRepository jobs, StaffRepository staff, JobEventLog events, AuditTrail audit,
            AuditedAction audited, JobEventPublisher stream, GarageClock clock) {
        this.clock = clock;
        this.jobs = jobs;
        this.staff = staff;
        this.events = events;
        this.audit = audit;
        this.audited = audited;
        this.stream = stream;
    }

    /** Assigns the technician; once committed, the job's events reach them too. */
    public Uni<Optional<JobEventMessage>> assign(Actor actor, UUID jobId, UUID technicianId, long baseVersion) {
        return audited.run(actor, ASSIGN, "job", jobId, () -> change(actor, jobId, technicianId, baseVersion, true))
                .call(this::publish);
    }

    /** Takes the technician off the job; the event saying so is the last of the job they receive. */
    public Uni<Optional<JobEventMessage>> unassign(Actor actor, UUID jobId, UUID technicianId, long baseVersion) {
        return audited.run(actor, UNASSIGN, "job", jobId, () -> change(actor, jobId, technicianId, baseVersion, false))
                .call(this::publish);
    }

    @WithTransaction
    Uni<Optional<JobEventMessage>> change(Actor actor, UUID jobId, UUID technicianId, long baseVersion,
            boolean assign) {
        return jobs.requireInGarage(actor.garageId(), jobId)
                .chain(job -> requireTechnician(actor.garageId(), technicianId)
                        .invoke(() -> job.requireVersion(baseVersion))
                        .invoke(() -> requireUnfinished(job))
                        .chain(technician -> JobAssignment.count("jobId = ?1 and technicianId = ?2", jobId,
                                        technicianId)
                                .chain(count -> (count > 0) == assign
                                        ? unchanged(actor, job, technician, assign)
                                        : record(actor, job, technician, assign).map(Optional::of))));
    }

    private Uni<JobEventMessage> record(Actor actor, JobCard job, Staff technician, boolean assign) {
        Instant now = clock.now();
        job.updatedAt = now;
        Map<String, Object> change = detail(technician);
        Uni<JobEventMessage> written = assign
                // Assigned first, so the event already reaches the new technician...
                ? addAssignment(job, technician, now).chain(() -> append(actor, job, change, true, now))
                // ...and announced first, so it still reaches the one leaving.
                : append(actor, job, change, false, now).call(() -> JobAssignment
                        .delete("jobId = ?1 and technicianId = ?2", job.id, technician.id));
        return written.call(() -> audit.record(actor, assign ? ASSIGN : UNASSIGN, "job", job.id,
                AuditOutcome.SUCCESS, change, now));
    }

    private Uni<Void> addAssignment(JobCard job, Staff technician, Instant now) {
        JobAssignment assignment = new JobAssignment();
        assignment.jobId = job.id;
        assignment.technicianId = technician.id;
        assignment.garageId = job.garageId;
        assignment.assignedAt = now;
        return assignment.persist().chain(jobs::flush);
    }

    private Uni<JobEventMessage> append(Actor actor, JobCard job, Map<String, Object> change, boolean assign,
            Instant now) {
        JobEventType type = assign ? JobEventType.TECHNICIAN_ASSIGNED : JobEventType.TECHNICIAN_UNASSIGNED;
        return events.append(job, type, change, actor, now).map(JobEvent::message);
    }

    private Uni<Optional<JobEventMessage>> unchanged(Actor actor, JobCard job, Staff technician, boolean assign) {
        Map<String, Object> detail = Map.of("technicianId", technician.id.toString(), "changed", false);
        return audit.record(actor, assign ? ASSIGN : UNASSIGN, "job", job.id, AuditOutcome.SUCCESS, detail,
                clock.now()).replaceWith(Optional.empty());
    }

    private Uni<Staff> requireTechnician(UUID garageId, UUID technicianId) {
        return staff.find("garageId = ?1 and id = ?2", garageId, technicianId).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Technician"))
                .invoke(found -> {
                    if (found.role != ActorRole.TECHNICIAN || !found.active) {
                        throw ProblemException.invalidField("technicianId",
                                "is not an active technician of this garage");
                    }
                });
    }

    private static void requireUnfinished(JobCard job) {
        if (job.status.isFinished()) {
            throw new ProblemException(ProblemType.INVALID_TRANSITION,
                    "Job %d is %s; its technicians can no longer change.".formatted(job.number, job.status));
        }
    }

    private static Map<String, Object> detail(Staff technician) {
        return Map.of("technicianId", technician.id.toString(), "technicianName", technician.displayName);
    }

    private Uni<Void> publish(Optional<JobEventMessage> event) {
        return event.map(e -> stream.publish(List.of(e))).orElseGet(() -> Uni.createFrom().voidItem());
    }
}
