package com.garage.mobile.domain.recommendation;

import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * The maker's service schedule for a vehicle, where a partner connector knows it. Its intervals are
 * added to the garage's own (a garage interval with the same code wins). Until a connector is
 * installed, {@link NoManufacturerSchedules} answers none.
 */
public interface ManufacturerSchedules {

    Uni<List<ServiceInterval>> forVehicle(VehicleRef vehicle);
}
