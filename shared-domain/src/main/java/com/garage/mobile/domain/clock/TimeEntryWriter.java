package com.garage.mobile.domain.clock;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.event.JobEventMessage;
import com.garage.mobile.domain.job.JobCard;
import com.garage.mobile.domain.job.JobCardRepository;
import com.garage.mobile.domain.job.JobEventLog;
import com.garage.mobile.domain.job.JobEventType;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Starts and stops entries in the caller's transaction, each with its job event and audit entry.
 * Overlaps are checked here first so the answer names the clashing entry; the exclusion constraint
 * on {@code time_entry} stays the last word.
 */
@ApplicationScoped
public class TimeEntryWriter {

    public static final String START = "time-entry.start";
    public static final String STOP = "time-entry.stop";

    private final JobCardRepository jobs;
    private final JobEventLog events;
    private final AuditTrail audit;
    private final OverrunWatch overruns;

    public TimeEntryWriter(JobCardRepository jobs, JobEventLog events, AuditTrail audit, OverrunWatch overruns) {
        this.jobs = jobs;
        this.events = events;
        this.audit = audit;
        this.overruns = overruns;
    }

    /** The technician's running entry, or null. */
    public Uni<TimeEntry> running(UUID technicianId) {
        return TimeEntry.find("technicianId = ?1 and endedAt is null", technicianId).firstResult();
    }

    /** Refuses a span that shares time with another entry of the technician. */
    public Uni<Void> requireFree(UUID technicianId, UUID self, Instant start, Instant end) {
        String query = "technicianId = ?1 and (endedAt is null or endedAt > ?2)" + (end != null ? " and startedAt < ?3" : "");
        Uni<List<TimeEntry>> near = end != null ? TimeEntry.list(query, technicianId, start, end)
                : TimeEntry.list(query, technicianId, start);
        return near.invoke(found -> TimeRules.clash(found.stream().map(TimeEntry::span).toList(), self, start, end)
                        .ifPresent(span -> {
                            throw new TimeOverlapException(found.stream().filter(e -> e.id.equals(span.id()))
                                    .findFirst().orElseThrow());
                        }))
                .replaceWithVoid();
    }

    /** Writes a new entry and announces it on its job. */
    public Uni<List<JobEventMessage>> start(Actor actor, JobCard job, TimeEntry entry, Instant now) {
        return entry.<TimeEntry>persist().chain(() -> jobs.flush())
                .chain(() -> events.append(job, JobEventType.CLOCK_STARTED, payload(actor, entry), actor, now))
                .call(() -> audit.record(actor, START, "time-entry", entry.id, AuditOutcome.SUCCESS,
                        payload(actor, entry), now))
                .map(event -> List.of(event.message()));
    }

    /**
     * Ends a running entry at {@code endedAt} (learnt at {@code now}), announces it and checks the
     * job for an overrun.
     */
    public Uni<List<JobEventMessage>> stop(Actor actor, TimeEntry entry, Instant endedAt, Instant deviceEndedAt,
            Instant now) {
        if (!entry.running()) {
            throw new ProblemException(ProblemType.INVALID_TRANSITION, "Entry " + entry.id + " has ended already.");
        }
        if (endedAt.isBefore(entry.startedAt)) {
            throw ProblemException.invalidField("payload.endedAt", "is before the entry started (" + entry.startedAt + ")");
        }
        entry.endedAt = endedAt;
        entry.deviceEndedAt = deviceEndedAt;
        entry.endedRecordedAt = now;
        entry.updatedAt = now;
        return jobs.requireInGarage(entry.garageId, entry.jobId)
                .chain(job -> jobs.flush()
                        .chain(() -> events.append(job, JobEventType.CLOCK_STOPPED, payload(actor, entry), actor, now))
                        .call(() -> audit.record(actor, STOP, "time-entry", entry.id, AuditOutcome.SUCCESS,
                                payload(actor, entry), now))
                        .chain(stopped -> overrun(actor, job, now).map(flagged -> {
                            List<JobEventMessage> all = new ArrayList<>(List.of(stopped.message()));
                            all.addAll(flagged);
                            return all;
                        })));
    }

    /** The overrun event, if ended time just took the job past its estimate for the first time. */
    public Uni<List<JobEventMessage>> overrun(Actor actor, JobCard job, Instant now) {
        return overruns.check(actor, job, now).map(flagged -> flagged.map(event -> List.of(event.message()))
                .orElse(List.of()));
    }

    private static Map<String, Object> payload(Actor actor, TimeEntry entry) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("entryId", entry.id.toString());
        payload.put("technicianId", entry.technicianId.toString());
        if (entry.technicianId.equals(actor.personId())) {
            payload.put("technicianName", actor.displayName());
        }
        if (entry.stepId != null) {
            payload.put("stepId", entry.stepId.toString());
        }
        payload.put("kind", entry.kind.name());
        if (entry.pauseReason != null) {
            payload.put("pauseReason", entry.pauseReason.name());
        }
        payload.put("startedAt", entry.startedAt.toString());
        if (entry.endedAt != null) {
            payload.put("endedAt", entry.endedAt.toString());
        }
        payload.put("source", entry.source.name());
        return payload;
    }
}
