package com.garage.mobile.technician.clock;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.clock.OfflineTimeEntries;
import com.garage.mobile.domain.clock.TimeEntryWriter;
import com.garage.mobile.platform.offline.MutationHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** {@code time-entry stop}: clock off made offline, ending a running entry at the device's time. */
@ApplicationScoped
class StopEntryMutation implements MutationHandler<StopEntryPayload> {

    private final OfflineTimeEntries entries;

    StopEntryMutation(OfflineTimeEntries entries) {
        this.entries = entries;
    }

    @Override
    public String entityName() {
        return "time-entry";
    }

    @Override
    public String operationName() {
        return "stop";
    }

    @Override
    public String action() {
        return TimeEntryWriter.STOP;
    }

    @Override
    public String resourceType() {
        return "time-entry";
    }

    @Override
    public Class<StopEntryPayload> payloadType() {
        return StopEntryPayload.class;
    }

    @Override
    public Uni<Applied> apply(Actor actor, UUID entryId, Long baseVersion, StopEntryPayload payload) {
        return entries.stop(actor, entryId, baseVersion, payload.endedAt())
                .onFailure().transform(ClockResource::showingClash)
                .map(change -> new Applied(ClockAnswer.of(change), change.entry().version, change.events()));
    }

    @Override
    public Uni<Applied> current(Actor actor, UUID entryId) {
        return entries.require(actor, entryId)
                .map(entry -> Applied.of(new ClockAnswer(TimeEntryView.of(entry), null), entry.version));
    }
}
