package com.garage.mobile.domain.recommendation;

import java.util.UUID;

/** What a schedule or recall source needs to know of a vehicle. */
public record VehicleRef(UUID garageId, UUID vehicleId, UUID customerId, String vin, String make, String model,
        Integer modelYear) {
}
