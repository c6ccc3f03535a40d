package com.garage.mobile.customer.vehicles;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.vehicle.Vehicle;
import com.garage.mobile.platform.sync.SyncRecords;
import com.garage.mobile.platform.sync.SyncScope;
import com.garage.mobile.platform.sync.SyncableType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The customer's vehicles in their offline copy; a vehicle moved to another owner becomes a tombstone. */
@ApplicationScoped
class VehicleSync implements SyncableType {

    @Override
    public Declaration declaration() {
        return new Declaration("vehicle", AppAudience.CUSTOMER, 20);
    }

    @Override
    public Optional<SyncScope> scope(Actor customer) {
        return Optional.of(SyncScope.own("select v.id from vehicle v where v.garage_id = $1 and v.customer_id = $2"));
    }

    @Override
    public Uni<Map<UUID, Object>> records(Actor viewer, List<UUID> ids) {
        return SyncRecords.inGarage(Vehicle.class, viewer, ids)
                .map(found -> SyncRecords.byId(found, v -> v.id, VehicleView::of));
    }
}
