package com.garage.mobile.domain.appointment;

import com.garage.mobile.domain.tenancy.GarageOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A booked visit of a customer's vehicle. */
@Entity
@Table(name = "appointment")
public class Appointment extends GarageOwnedEntity {
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "vehicle_id")
    public UUID vehicleId;
    @Column(name = "advisor_id")
    public UUID advisorId;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    @Enumerated(EnumType.STRING)
    public AppointmentStatus status;
    @Column(name = "service_requested")
    public String serviceRequested;
}
