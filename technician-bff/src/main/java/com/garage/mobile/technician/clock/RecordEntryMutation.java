package com.garage.mobile.technician.clock;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.clock.OfflineTimeEntries;
import com.garage.mobile.domain.clock.TimeEntryWriter;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.platform.offline.MutationHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * {@code time-entry record}: clock on, pause or resume made offline, as the entry the device began
 * (or a whole span). An overlap with another entry of the technician is a conflict whose record is
 * the clashing entry; nothing is written.
 */
@ApplicationScoped
class RecordEntryMutation implements MutationHandler<RecordEntryPayload> {

    private final OfflineTimeEntries entries;

    RecordEntryMutation(OfflineTimeEntries entries) {
        this.entries = entries;
    }

    @Override
    public String entityName() {
        return "time-entry";
    }

    @Override
    public String operationName() {
        return "record";
    }

    @Override
    public String action() {
        return TimeEntryWriter.START;
    }

    @Override
    public String resourceType() {
        return "time-entry";
    }

    @Override
    public Class<RecordEntryPayload> payloadType() {
        return RecordEntryPayload.class;
    }

    @Override
    public boolean needsBaseVersion() {
        return false;
    }

    @Override
    public Uni<Applied> apply(Actor actor, UUID entryId, Long baseVersion, RecordEntryPayload payload) {
        return entries.record(actor, entryId, payload.entry())
                .onFailure().transform(ClockResource::showingClash)
                .map(change -> new Applied(ClockAnswer.of(change), change.entry().version, change.events()));
    }

    /** A create has no older version to conflict with. */
    @Override
    public Uni<Applied> current(Actor actor, UUID entryId) {
        return Uni.createFrom().failure(ProblemException.notFound("Time entry"));
    }
}
