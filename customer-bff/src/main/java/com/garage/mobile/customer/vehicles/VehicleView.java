package com.garage.mobile.customer.vehicles;

import com.garage.mobile.domain.vehicle.Vehicle;
import com.garage.mobile.platform.web.VersionedView;
import java.util.UUID;

/** One of the customer's vehicles. */
public record VehicleView(UUID id, String vin, String make, String model, Short modelYear, String registrationPlate,
        String colour, Integer mileageKm, long version) implements VersionedView {

    public static VehicleView of(Vehicle vehicle) {
        return new VehicleView(vehicle.id, vehicle.vin, vehicle.make, vehicle.model, vehicle.modelYear,
                vehicle.registrationPlate, vehicle.colour, vehicle.mileageKm, vehicle.version);
    }
}
