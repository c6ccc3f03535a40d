package com.garage.mobile.customer.appointments;

import com.garage.mobile.domain.appointment.Appointment;
import com.garage.mobile.domain.appointment.AppointmentStatus;
import com.garage.mobile.platform.web.VersionedView;
import java.time.Instant;
import java.util.UUID;

/**
 * One of the customer's appointments.
 *
 * @param changeable whether the customer may still move or cancel it
 */
public record AppointmentView(UUID id, UUID vehicleId, Instant startsAt, Instant endsAt, AppointmentStatus status,
        String serviceRequested, boolean changeable, long version) implements VersionedView {

    public static AppointmentView of(Appointment appointment) {
        return new AppointmentView(appointment.id, appointment.vehicleId, appointment.startsAt, appointment.endsAt,
                appointment.status, appointment.serviceRequested, appointment.status.isUpcoming(),
                appointment.version);
    }
}
