package com.garage.mobile.technician.parts;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.parts.PartRequest;
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

/** Part requests of the jobs in the caller's copy: a technician's assigned jobs, the garage's for advisors. */
@ApplicationScoped
class PartRequestSync implements SyncableType {

    @Override
    public Declaration declaration() {
        return new Declaration("part-request", AppAudience.STAFF, 50);
    }

    @Override
    public Optional<SyncScope> scope(Actor actor) {
        return Optional.of(JobRecordsScope.of(actor, "part_request"));
    }

    @Override
    public Uni<Map<UUID, Object>> records(Actor viewer, List<UUID> ids) {
        return SyncRecords.inGarage(PartRequest.class, viewer, ids)
                .map(found -> SyncRecords.byId(found, request -> request.id, PartRequestView::of));
    }
}
