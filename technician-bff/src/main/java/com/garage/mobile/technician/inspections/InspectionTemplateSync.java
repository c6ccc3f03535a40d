package com.garage.mobile.technician.inspections;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.inspection.InspectionTemplate;
import com.garage.mobile.platform.sync.SyncRecords;
import com.garage.mobile.platform.sync.SyncScope;
import com.garage.mobile.platform.sync.SyncableType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The garage's inspection templates in every staff member's offline copy. */
@ApplicationScoped
class InspectionTemplateSync implements SyncableType {

    @Override
    public Declaration declaration() {
        return new Declaration("inspection-template", AppAudience.STAFF, 80);
    }

    @Override
    public Optional<SyncScope> scope(Actor actor) {
        return Optional.of(new SyncScope("select t.id from inspection_template t where $2::uuid is not null"
                + " and t.garage_id = $1 and $3::timestamptz is not null", null, SyncScope.WHOLE_GARAGE));
    }

    @Override
    public Uni<Map<UUID, Object>> records(Actor viewer, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return SyncRecords.inGarage(InspectionTemplate.class, viewer, ids)
                .map(found -> SyncRecords.byId(found, template -> template.id, TemplateView::of));
    }
}
