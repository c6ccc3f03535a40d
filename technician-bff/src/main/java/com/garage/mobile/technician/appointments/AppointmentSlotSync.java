package com.garage.mobile.technician.appointments;

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

/**
 * The garage's appointments in the offline copy of advisors and admins, not ended before the
 * window. Appointments name an advisor, never a technician, so technicians hold none.
 */
@ApplicationScoped
class AppointmentSlotSync implements SyncableType {

    private static final String GARAGE_APPOINTMENTS =
            "select a.id from appointment a where $2::uuid is not null and a.garage_id = $1 and ";

    @Override
    public Declaration declaration() {
        return new Declaration("appointment", AppAudience.STAFF, 20);
    }

    @Override
    public Optional<SyncScope> scope(Actor actor) {
        if (actor.isTechnician()) {
            return Optional.empty();
        }
        return Optional.of(new SyncScope(GARAGE_APPOINTMENTS + "a.ends_at >= $3",
                GARAGE_APPOINTMENTS + "a.ends_at < $3 and a.ends_at >= $4", SyncScope.WHOLE_GARAGE));
    }

    @Override
    public Uni<Map<UUID, Object>> records(Actor viewer, List<UUID> ids) {
        return SyncRecords.inGarage(Appointment.class, viewer, ids)
                .map(found -> SyncRecords.byId(found, a -> a.id, AppointmentSlotView::of));
    }
}
