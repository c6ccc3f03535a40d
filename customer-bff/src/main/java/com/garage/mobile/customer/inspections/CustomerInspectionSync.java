package com.garage.mobile.customer.inspections;

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

/** The published inspections of the customer's repairs in their offline copy, in the customer's form. */
@ApplicationScoped
class CustomerInspectionSync implements SyncableType {

    private final InspectionQueries inspections;

    CustomerInspectionSync(InspectionQueries inspections) {
        this.inspections = inspections;
    }

    @Override
    public Declaration declaration() {
        return new Declaration("inspection", AppAudience.CUSTOMER, 50);
    }

    @Override
    public Optional<SyncScope> scope(Actor customer) {
        return Optional.of(SyncScope.own("select i.id from inspection i join job_card j on j.id = i.job_id"
                + " where i.garage_id = $1 and j.customer_id = $2 and i.status = 'PUBLISHED'"));
    }

    @Override
    public Uni<Map<UUID, Object>> records(Actor viewer, List<UUID> ids) {
        return inspections.load(viewer.garageId(), ids, true)
                .map(found -> SyncRecords.byId(found, detail -> detail.inspection().id, CustomerInspectionView::of));
    }
}
