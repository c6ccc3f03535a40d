package com.garage.mobile.customer.appointments;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.appointment.Appointment;
import com.garage.mobile.platform.sync.SyncRecords;
import com.garage.mobile.platform.sync.SyncScope;
import com.garage.mobile.platform.sync.SyncableType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The customer's appointments in their offline copy, past and future. */
@ApplicationScoped
class AppointmentSync implements SyncableType {

    @Override
    public Declaration declaration() {
        return new Declaration("appointment", AppAudience.CUSTOMER, 30);
    }

    @Override
    public Optional<SyncScope> scope(Actor customer) {
        return Optional.of(SyncScope.own("select a.id from appointment a where a.garage_id = $1 and a.customer_id = $2"));
    }

    @Override
    public Uni<Map<UUID, Object>> records(Actor viewer, List<UUID> ids) {
        return SyncRecords.inGarage(Appointment.class, viewer, ids)
                .map(found -> SyncRecords.byId(found, a -> a.id, AppointmentView::of));
    }
}
