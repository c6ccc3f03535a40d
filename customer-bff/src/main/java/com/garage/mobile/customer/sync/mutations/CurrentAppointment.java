package com.garage.mobile.customer.sync.mutations;

import com.garage.mobile.customer.appointments.AppointmentView;
import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.appointment.AppointmentRepository;
import com.garage.mobile.platform.offline.MutationHandler.Applied;
import io.smallrye.mutiny.Uni;
import java.util.UUID;

/** The customer's appointment as it is now, for a conflict's answer. */
final class CurrentAppointment {

    private CurrentAppointment() {
    }

    static Uni<Applied> of(AppointmentRepository appointments, Actor actor, UUID id) {
        return appointments.requireOfCustomer(actor.garageId(), actor.personId(), id)
                .map(appointment -> Applied.of(AppointmentView.of(appointment), appointment.version));
    }
}
