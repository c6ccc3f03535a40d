package com.garage.mobile.technician.parts;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.parts.Part;
import com.garage.mobile.platform.sync.SyncRecords;
import com.garage.mobile.platform.sync.SyncScope;
import com.garage.mobile.platform.sync.SyncableType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The garage's parts catalogue in every staff member's offline copy, for search and scanning in the bay. */
@ApplicationScoped
class PartSync implements SyncableType {

    private static final String GARAGE_PARTS = "select p.id from part p where p.garage_id = $1"
            + " and $2::uuid is not null and $3::timestamptz is not null";

    @Override
    public Declaration declaration() {
        return new Declaration("part", AppAudience.STAFF, 40);
    }

    @Override
    public Optional<SyncScope> scope(Actor actor) {
        return Optional.of(new SyncScope(GARAGE_PARTS, null, SyncScope.WHOLE_GARAGE));
    }

    @Override
    public Uni<Map<UUID, Object>> records(Actor viewer, List<UUID> ids) {
        return SyncRecords.inGarage(Part.class, viewer, ids)
                .map(found -> SyncRecords.byId(found, part -> part.id, part -> PartView.of(part, viewer)));
    }
}
