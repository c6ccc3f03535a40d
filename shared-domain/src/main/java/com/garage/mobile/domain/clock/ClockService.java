package com.garage.mobile.domain.clock;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.event.JobEventMessage;
import com.garage.mobile.domain.job.JobAccess;
import com.garage.mobile.domain.job.JobCard;
import com.garage.mobile.domain.job.JobCardRepository;
import com.garage.mobile.domain.job.JobStep;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.time.GarageClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A technician's clock, with a signal: on, pause, resume, off, by the server's time. One clock runs
 * per technician; clocking on elsewhere stops the running one and says which. New entries take the
 * id the app chose, so a retried request finds its entry instead of making a second.
 */
@ApplicationScoped
public class ClockService {

    private final JobCardRepository jobs;
    private final JobAccess access;
    private final TimeEntryWriter writer;
    private final GarageClock clock;

    public ClockService(JobCardRepository jobs, JobAccess access, TimeEntryWriter writer, GarageClock clock) {
        this.jobs = jobs;
        this.access = access;
        this.writer = writer;
        this.clock = clock;
    }

    /** Starts work on a job (or one of its steps), stopping whatever clock ran before. */
    @WithTransaction
    public Uni<ClockChange> clockOn(Actor actor, UUID entryId, UUID jobId, UUID stepId) {
        return existing(actor, entryId).chain(found -> found != null ? Uni.createFrom().item(unchanged(found))
                : workableJob(actor, jobId, stepId).chain(job -> switchTo(actor, job, entryId, stepId, EntryKind.WORK,
                        null)));
    }

    /** Stops the running work and starts a pause on the same job and step. */
    @WithTransaction
    public Uni<ClockChange> pause(Actor actor, UUID entryId, PauseReason reason) {
        return existing(actor, entryId).chain(found -> found != null ? Uni.createFrom().item(unchanged(found))
                : requireRunning(actor, EntryKind.WORK).chain(work -> jobs.requireInGarage(actor.garageId(), work.jobId)
                        .chain(job -> switchTo(actor, job, entryId, work.stepId, EntryKind.PAUSE, reason))));
    }

    /** Ends the running pause and starts work again where it stopped. */
    @WithTransaction
    public Uni<ClockChange> resume(Actor actor, UUID entryId) {
        return existing(actor, entryId).chain(found -> found != null ? Uni.createFrom().item(unchanged(found))
                : requireRunning(actor, EntryKind.PAUSE).chain(pause -> workableJob(actor, pause.jobId, pause.stepId)
                        .chain(job -> switchTo(actor, job, entryId, pause.stepId, EntryKind.WORK, null))));
    }

    /** Stops the running clock, work or pause. */
    @WithTransaction
    public Uni<ClockChange> clockOff(Actor actor) {
        Instant now = clock.now();
        return requireRunning(actor, null).chain(running -> writer.stop(actor, running, now, null, now)
                .map(events -> new ClockChange(running, running, events)));
    }

    /** The caller's running entry, or null. */
    public Uni<TimeEntry> running(Actor actor) {
        return writer.running(actor.personId());
    }

    /** A job the actor may clock on: theirs, unfinished, and the step (if any) one of its steps. */
    Uni<JobCard> workableJob(Actor actor, UUID jobId, UUID stepId) {
        return jobs.requireInGarage(actor.garageId(), jobId)
                .call(job -> access.requireMayEdit(actor, job))
                .invoke(ClockService::requireOpen)
                .call(job -> stepId == null ? Uni.createFrom().voidItem()
                        : JobStep.count("id = ?1 and jobId = ?2", stepId, jobId).invoke(count -> {
                            if (count == 0) {
                                throw ProblemException.invalidField("stepId", "is not a step of job " + job.number);
                            }
                        }).replaceWithVoid());
    }

    private Uni<ClockChange> switchTo(Actor actor, JobCard job, UUID entryId, UUID stepId, EntryKind kind,
            PauseReason reason) {
        Instant now = clock.now();
        List<JobEventMessage> events = new ArrayList<>();
        return writer.running(actor.personId())
                .call(running -> running == null ? Uni.createFrom().voidItem()
                        : writer.stop(actor, running, now, null, now).invoke(events::addAll))
                .chain(stopped -> {
                    TimeEntry entry = TimeEntries.online(actor, job, entryId, stepId, kind, reason, now);
                    return writer.requireFree(actor.personId(), entryId, now, null)
                            .chain(() -> writer.start(actor, job, entry, now)).invoke(events::addAll)
                            .map(started -> new ClockChange(entry, stopped, List.copyOf(events)));
                });
    }

    private Uni<TimeEntry> requireRunning(Actor actor, EntryKind kind) {
        return writer.running(actor.personId()).invoke(running -> {
            if (running == null || (kind != null && running.kind != kind)) {
                throw new ProblemException(ProblemType.INVALID_TRANSITION, kind == null ? "No clock of yours is running."
                        : "Your clock is not running " + (kind == EntryKind.WORK ? "work." : "a pause."));
            }
        });
    }

    /** An entry under this id already: the same request again answers it; anyone else's id is refused. */
    Uni<TimeEntry> existing(Actor actor, UUID entryId) {
        return TimeEntry.<TimeEntry>findById(entryId).invoke(found -> {
            if (found != null && !found.technicianId.equals(actor.personId())) {
                throw ProblemException.invalidField("entryId", "is the id of another entry");
            }
        });
    }

    private static ClockChange unchanged(TimeEntry entry) {
        return new ClockChange(entry, null, List.of());
    }

    private static void requireOpen(JobCard job) {
        if (job.status.isFinished()) {
            throw new ProblemException(ProblemType.INVALID_TRANSITION,
                    "Job %d is %s: no more time can be booked on it.".formatted(job.number, job.status));
        }
    }
}
