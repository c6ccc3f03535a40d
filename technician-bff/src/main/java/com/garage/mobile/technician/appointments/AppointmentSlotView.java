package com.garage.mobile.technician.appointments;

import com.garage.mobile.domain.appointment.Appointment;
import com.garage.mobile.domain.appointment.AppointmentStatus;
import java.time.Instant;
import java.util.UUID;

/** An appointment of the garage as advisors plan the workshop's day. */
public record AppointmentSlotView(UUID id, UUID customerId, UUID vehicleId, UUID advisorId, Instant startsAt,
        Instant endsAt, AppointmentStatus status, String serviceRequested, long version) {

    static AppointmentSlotView of(Appointment appointment) {
        return new AppointmentSlotView(appointment.id, appointment.customerId, appointment.vehicleId,
                appointment.advisorId, appointment.startsAt, appointment.endsAt, appointment.status,
                appointment.serviceRequested, appointment.version);
    }
}
