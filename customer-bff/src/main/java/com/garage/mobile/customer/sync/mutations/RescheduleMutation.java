package com.garage.mobile.customer.sync.mutations;

import com.garage.mobile.customer.appointments.AppointmentView;
import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.appointment.AppointmentRepository;
import com.garage.mobile.domain.appointment.AppointmentRescheduleService;
import com.garage.mobile.platform.offline.MutationHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** {@code appointment reschedule}: the customer moves an upcoming appointment. */
@ApplicationScoped
public class RescheduleMutation implements MutationHandler<ReschedulePayload> {

    private final AppointmentRescheduleService reschedules;
    private final AppointmentRepository appointments;

    public RescheduleMutation(AppointmentRescheduleService reschedules, AppointmentRepository appointments) {
        this.reschedules = reschedules;
        this.appointments = appointments;
    }

    @Override
    public String entityName() {
        return "appointment";
    }

    @Override
    public String operationName() {
        return "reschedule";
    }

    @Override
    public String action() {
        return AppointmentRescheduleService.ACTION;
    }

    @Override
    public String resourceType() {
        return "appointment";
    }

    @Override
    public Class<ReschedulePayload> payloadType() {
        return ReschedulePayload.class;
    }

    @Override
    public Uni<Applied> apply(Actor actor, UUID id, Long baseVersion, ReschedulePayload payload) {
        return reschedules.reschedule(actor, id, payload.startsAt(), baseVersion)
                .map(changed -> Applied.of(AppointmentView.of(changed.row()), changed.row().version, changed));
    }

    @Override
    public Uni<Applied> current(Actor actor, UUID id) {
        return CurrentAppointment.of(appointments, actor, id);
    }
}
