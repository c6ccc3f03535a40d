package com.garage.mobile.domain.clock;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.event.JobEventMessage;
import com.garage.mobile.domain.job.JobCard;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.problem.StaleVersionException;
import com.garage.mobile.domain.time.GarageClock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Entries clocked without a signal, arriving in a sync batch with the device's times. Those times
 * are bounded (not ahead of the server beyond the skew, not older than queued writes are kept) and
 * never share time with another entry of the technician: an overlap is refused naming the entry it
 * clashes with, never merged. The one exception is the rule of one running clock: an entry still
 * running on the device stops a clock the server holds running from before it started.
 */
@ApplicationScoped
public class OfflineTimeEntries {

    private final ClockService clocks;
    private final TimeEntryWriter writer;
    private final ClockConfig config;
    private final GarageClock clock;

    public OfflineTimeEntries(ClockService clocks, TimeEntryWriter writer, ClockConfig config, GarageClock clock) {
        this.clocks = clocks;
        this.writer = writer;
        this.config = config;
        this.clock = clock;
    }

    /** In the caller's transaction: records an entry the device clocked, running or ended. */
    public Uni<ClockChange> record(Actor actor, UUID entryId, OfflineEntry recorded) {
        Instant now = clock.now();
        requireSound(recorded, now);
        return clocks.existing(actor, entryId).invoke(found -> {
                    if (found != null) {
                        throw ProblemException.invalidField("entityId", "is the id of an entry recorded already");
                    }
                })
                .chain(() -> clocks.workableJob(actor, recorded.jobId(), recorded.stepId()))
                .chain(job -> {
                    List<JobEventMessage> events = new ArrayList<>();
                    return stopEarlierRunning(actor, recorded, now, events)
                            .chain(stopped -> insert(actor, job, entryId, recorded, now, events, stopped));
                });
    }

    /** In the caller's transaction: ends a running entry at the device's time. */
    public Uni<ClockChange> stop(Actor actor, UUID entryId, long baseVersion, Instant endedAt) {
        Instant now = clock.now();
        TimeRules.requireBounded("payload.endedAt", endedAt, now, config.futureSkew(), config.offlineRetention());
        return require(actor, entryId).chain(entry -> {
            if (entry.version != baseVersion) {
                throw new StaleVersionException("Time entry", baseVersion, entry.version);
            }
            return writer.requireFree(entry.technicianId, entry.id, entry.startedAt, endedAt)
                    .chain(() -> writer.stop(actor, entry, endedAt, endedAt, now))
                    .map(events -> new ClockChange(entry, null, events));
        });
    }

    /** One of the actor's own entries; anyone else's is not theirs to stop. */
    public Uni<TimeEntry> require(Actor actor, UUID entryId) {
        return TimeEntry.<TimeEntry>find("garageId = ?1 and id = ?2", actor.garageId(), entryId).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Time entry"))
                .invoke(entry -> {
                    if (!entry.technicianId.equals(actor.personId())) {
                        throw new ProblemException(ProblemType.FORBIDDEN, "That is another technician's entry.");
                    }
                });
    }

    private void requireSound(OfflineEntry recorded, Instant now) {
        TimeRules.requireBounded("payload.startedAt", recorded.startedAt(), now, config.futureSkew(),
                config.offlineRetention());
        if (recorded.endedAt() != null) {
            TimeRules.requireBounded("payload.endedAt", recorded.endedAt(), now, config.futureSkew(),
                    config.offlineRetention());
            if (recorded.endedAt().isBefore(recorded.startedAt())) {
                throw ProblemException.invalidField("payload.endedAt", "is before startedAt");
            }
        }
        if (recorded.kind() == EntryKind.PAUSE && recorded.pauseReason() == null) {
            throw ProblemException.invalidField("payload.pauseReason", "is required for a pause");
        }
    }

    /** The clock the server holds running from before a still-running offline entry, stopped where it began. */
    private Uni<TimeEntry> stopEarlierRunning(Actor actor, OfflineEntry recorded, Instant now,
            List<JobEventMessage> events) {
        if (recorded.endedAt() != null) {
            return Uni.createFrom().nullItem();
        }
        return writer.running(actor.personId()).chain(running -> running != null
                && running.startedAt.isBefore(recorded.startedAt())
                ? writer.stop(actor, running, recorded.startedAt(), null, now).invoke(events::addAll).replaceWith(running)
                : Uni.createFrom().nullItem());
    }

    private Uni<ClockChange> insert(Actor actor, JobCard job, UUID entryId, OfflineEntry recorded, Instant now,
            List<JobEventMessage> events, TimeEntry stopped) {
        TimeEntry entry = TimeEntries.offline(actor, job, entryId, recorded, now);
        return writer.requireFree(actor.personId(), entryId, recorded.startedAt(), recorded.endedAt())
                .chain(() -> writer.start(actor, job, entry, now)).invoke(events::addAll)
                .chain(() -> entry.running() ? Uni.createFrom().item(List.<JobEventMessage>of())
                        : writer.overrun(actor, job, now))
                .invoke(events::addAll)
                .map(overrun -> new ClockChange(entry, stopped, List.copyOf(events)));
    }
}
