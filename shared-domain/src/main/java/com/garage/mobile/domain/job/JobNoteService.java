package com.garage.mobile.domain.job;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.event.Changed;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.time.GarageClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Adds a note to an unfinished job, under the id the app chose, so that creating it twice is
 * impossible. The text is stored as written. Internal notes' events stay with staff.
 */
@ApplicationScoped
public class JobNoteService {

    public static final String ACTION = "job-note.add";
    public static final int MAX_BODY = 4000;

    private final JobCardRepository jobs;
    private final JobAccess access;
    private final JobEventLog events;
    private final AuditTrail audit;
    private final GarageClock clock;

    public JobNoteService(JobCardRepository jobs, JobAccess access, JobEventLog events, AuditTrail audit, GarageClock clock) {
        this.clock = clock;
        this.jobs = jobs;
        this.access = access;
        this.events = events;
        this.audit = audit;
    }

    @WithTransaction
    public Uni<Changed<JobNote>> add(Actor actor, UUID noteId, UUID jobId, NoteVisibility visibility, String body) {
        return jobs.requireInGarage(actor.garageId(), jobId)
                .call(job -> access.requireMayEdit(actor, job))
                .invoke(JobNoteService::requireOpen)
                .call(job -> JobNote.count("id", noteId).invoke(existing -> {
                    if (existing > 0) {
                        throw ProblemException.invalidField("entityId", "is the id of another note");
                    }
                }))
                .chain(job -> record(actor, job, noteId, visibility, body));
    }

    private Uni<Changed<JobNote>> record(Actor actor, JobCard job, UUID noteId, NoteVisibility visibility,
            String body) {
        Instant now = clock.now();
        JobNote note = new JobNote();
        note.id = noteId;
        note.garageId = job.garageId;
        note.jobId = job.id;
        note.authorStaffId = actor.personId();
        note.visibility = visibility;
        note.body = body;
        note.createdAt = now;
        note.updatedAt = now;
        Map<String, Object> change = Map.of("noteId", noteId.toString(), "visibility", visibility.name());
        JobEventType type = visibility == NoteVisibility.CUSTOMER ? JobEventType.CUSTOMER_NOTE_ADDED
                : JobEventType.INTERNAL_NOTE_ADDED;
        return note.<JobNote>persist()
                .chain(() -> jobs.flush())
                .chain(() -> events.append(job, type, change, actor, now))
                .call(() -> audit.record(actor, ACTION, "job", job.id, AuditOutcome.SUCCESS, change, now))
                .map(event -> new Changed<>(note, List.of(event.message())));
    }

    private static void requireOpen(JobCard job) {
        if (job.status.isFinished()) {
            throw new ProblemException(ProblemType.INVALID_TRANSITION,
                    "Job %d is %s: it takes no more notes.".formatted(job.number, job.status));
        }
    }
}
