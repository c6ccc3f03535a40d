package com.garage.mobile.technician.inspections;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.inspection.InspectionQueries;
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
 * Inspections in the technician app's offline copy, with their items as the inspection screen shows
 * them: those of a technician's assigned jobs, the garage's for advisors and admins; like jobs, while
 * open or closed within the window.
 */
@ApplicationScoped
class InspectionSync implements SyncableType {

    private final InspectionQueries inspections;

    InspectionSync(InspectionQueries inspections) {
        this.inspections = inspections;
    }

    @Override
    public Declaration declaration() {
        return new Declaration("inspection", AppAudience.STAFF, 70);
    }

    @Override
    public Optional<SyncScope> scope(Actor actor) {
        return Optional.of(JobRecordsScope.of(actor, "inspection"));
    }

    @Override
    public Uni<Map<UUID, Object>> records(Actor viewer, List<UUID> ids) {
        return inspections.load(viewer.garageId(), ids, false)
                .map(found -> SyncRecords.byId(found, detail -> detail.inspection().id, InspectionViews::of));
    }
}
