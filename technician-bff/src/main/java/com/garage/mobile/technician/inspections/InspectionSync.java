package com.garage.mobile.technician.inspections;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.inspection.InspectionQueries;
import com.garage.mobile.platform.sync.SyncRecords;
import com.garage.mobile.platform.sync.SyncScope;
import com.garage.mobile.platform.sync.SyncableType;
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

    private static final String MINE = "select i.id from inspection i join job_card j on j.id = i.job_id"
            + " join job_assignment a on a.job_id = j.id and a.technician_id = $2 where i.garage_id = $1 and ";
    private static final String GARAGE = "select i.id from inspection i join job_card j on j.id = i.job_id"
            + " where $2::uuid is not null and i.garage_id = $1 and ";
    private static final String RECENT = "(j.closed_at is null or j.closed_at >= $3)";
    private static final String AGED = "j.closed_at < $3 and j.closed_at >= $4";
    private static final String MINE_NOW_OR_NAMED = "(" + SyncScope.NAMING_CALLER + " or c.entity_id in"
            + " (select i.id from inspection i join job_assignment a on a.job_id = i.job_id where a.technician_id = $2))";

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
        if (actor.isTechnician()) {
            return Optional.of(new SyncScope(MINE + RECENT, MINE + AGED, MINE_NOW_OR_NAMED));
        }
        return Optional.of(new SyncScope(GARAGE + RECENT, GARAGE + AGED, SyncScope.WHOLE_GARAGE));
    }

    @Override
    public Uni<Map<UUID, Object>> records(Actor viewer, List<UUID> ids) {
        return inspections.load(viewer.garageId(), ids, false)
                .map(found -> SyncRecords.byId(found, detail -> detail.inspection().id, InspectionViews::of));
    }
}
