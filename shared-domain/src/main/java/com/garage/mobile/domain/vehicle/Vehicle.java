package com.garage.mobile.domain.vehicle;

import com.garage.mobile.domain.tenancy.GarageOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/** A customer's vehicle, identified by its VIN within the garage. */
@Entity
@Table(name = "vehicle")
public class Vehicle extends GarageOwnedEntity {
    @Column(name = "customer_id")
    public UUID customerId;
    public String vin;
    public String make;
    public String model;
    @Column(name = "model_year")
    public Short modelYear;
    @Column(name = "registration_plate")
    public String registrationPlate;
    public String colour;
    @Column(name = "mileage_km")
    public Integer mileageKm;
}
