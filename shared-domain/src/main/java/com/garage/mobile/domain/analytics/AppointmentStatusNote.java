package com.garage.mobile.domain.analytics;

import java.time.Instant;
import java.util.UUID;

/** A status an appointment took, as the database noted it ({@code appointment_status_change}). */
public record AppointmentStatusNote(long id, UUID garageId, UUID appointmentId, UUID customerId, String status,
        Instant occurredAt) {
}
