package com.garage.mobile.customer.sync.mutations;

import com.garage.mobile.customer.appointments.AppointmentView;
import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.appointment.AppointmentCancelService;
import com.garage.mobile.domain.appointment.AppointmentRepository;
import com.garage.mobile.platform.offline.MutationHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** {@code appointment cancel}: the customer calls off an appointment that has not started. */
@ApplicationScoped
public class CancelMutation implements MutationHandler<CancelPayload> {

    private final AppointmentCancelService cancellations;
    private final AppointmentRepository appointments;

    public CancelMutation(AppointmentCancelService cancellations, AppointmentRepository appointments) {
        this.cancellations = cancellations;
        this.appointments = appointments;
    }

    @Override
    public String entityName() {
        return "appointment";
    }

    @Override
    public String operationName() {
        return "cancel";
    }

    @Override
    public String action() {
        return AppointmentCancelService.ACTION;
    }

    @Override
    public String resourceType() {
        return "appointment";
    }

    @Override
    public Class<CancelPayload> payloadType() {
        return CancelPayload.class;
    }

    @Override
    public Uni<Applied> apply(Actor actor, UUID id, Long baseVersion, CancelPayload payload) {
        return cancellations.cancel(actor, id, baseVersion)
                .map(changed -> Applied.of(AppointmentView.of(changed.row()), changed.row().version, changed));
    }

    @Override
    public Uni<Applied> current(Actor actor, UUID id) {
        return CurrentAppointment.of(appointments, actor, id);
    }
}
