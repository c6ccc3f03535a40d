package com.garage.mobile.technician.parts;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.parts.PartRequest;
import com.garage.mobile.platform.sync.SyncRecords;
import com.garage.mobile.platform.sync.SyncScope;
import com.garage.mobile.platform.sync.SyncableType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Part requests of the jobs in the caller's copy: a technician's assigned jobs, the garage's for advisors. */
@ApplicationScoped
class PartRequestSync implements SyncableType {

    private static final String REQUESTS = "select r.id from part_request r join job_card j on j.id = r.job_id"
            + " where r.garage_id = $1 and ";
    private static final String ASSIGNED = "r.job_id in (select job_id from job_assignment where technician_id = $2)"
            + " and ";
    private static final String GARAGE = "$2::uuid is not null and ";
    private static final String RECENT_JOB = "(j.closed_at is null or j.closed_at >= $3)";
    private static final String AGED_JOB = "j.closed_at < $3 and j.closed_at >= $4";
    private static final String MINE_NOW_OR_NAMED = "(" + SyncScope.NAMING_CALLER
            + " or c.entity_id in (select r.id from part_request r join job_assignment a on a.job_id = r.job_id"
            + " where a.technician_id = $2))";

    @Override
    public Declaration declaration() {
        return new Declaration("part-request", AppAudience.STAFF, 50);
    }

    @Override
    public Optional<SyncScope> scope(Actor actor) {
        String who = actor.isTechnician() ? ASSIGNED : GARAGE;
        return Optional.of(new SyncScope(REQUESTS + who + RECENT_JOB, REQUESTS + who + AGED_JOB,
                actor.isTechnician() ? MINE_NOW_OR_NAMED : SyncScope.WHOLE_GARAGE));
    }

    @Override
    public Uni<Map<UUID, Object>> records(Actor viewer, List<UUID> ids) {
        return PartRequest.<PartRequest>list("garageId = ?1 and id in ?2", viewer.garageId(), ids)
                .map(found -> SyncRecords.byId(found, request -> request.id, PartRequestView::of));
    }
}
