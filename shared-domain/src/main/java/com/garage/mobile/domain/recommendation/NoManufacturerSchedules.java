package com.garage.mobile.domain.recommendation;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** No manufacturer schedules: the garage's own intervals only, until a partner connector replaces this bean. */
@ApplicationScoped
@DefaultBean
public class NoManufacturerSchedules implements ManufacturerSchedules {

    @Override
    public Uni<List<ServiceInterval>> forVehicle(VehicleRef vehicle) {
        return Uni.createFrom().item(List.of());
    }
}
