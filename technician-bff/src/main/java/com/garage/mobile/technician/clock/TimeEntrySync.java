package com.garage.mobile.technician.clock;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.clock.TimeEntry;
import com.garage.mobile.platform.sync.SyncRecords;
import com.garage.mobile.platform.sync.SyncScope;
import com.garage.mobile.platform.sync.SyncableType;
import com.garage.mobile.technician.sync.JobRecordsScope;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Time entries in the technician app's offline copy: those of the jobs in the caller's copy (a
 * technician's assigned jobs, the garage's for advisors and admins), so the app can run the clock
 * and show totals without a signal.
 */
@ApplicationScoped
class TimeEntrySync implements SyncableType {

    @Override
    public Declaration declaration() {
        return new Declaration("time-entry", AppAudience.STAFF, 30);
    }

    @Override
    public Optional<SyncScope> scope(Actor actor) {
        return Optional.of(JobRecordsScope.of(actor, "time_entry"));
    }

    @Override
    public Uni<Map<UUID, Object>> records(Actor viewer, List<UUID> ids) {
        return SyncRecords.inGarage(TimeEntry.class, viewer, ids)
                .map(found -> SyncRecords.byId(found, entry -> entry.id, TimeEntryView::of));
    }
}
