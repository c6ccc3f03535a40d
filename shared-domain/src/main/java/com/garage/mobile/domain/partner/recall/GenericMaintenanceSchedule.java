package com.garage.mobile.domain.partner.recall;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;

/**
 * The schedule used when no manufacturer's programme is connected: common intervals for passenger
 * cars, looking 1,500 km and one month ahead. A manufacturer's provider replaces it as a bean.
 */
@ApplicationScoped
@DefaultBean
public class GenericMaintenanceSchedule implements MaintenanceScheduleProvider {

    static final List<ServiceInterval> INTERVALS = List.of(
            new ServiceInterval("OIL_SERVICE", "Engine oil and filter", 15_000, 12),
            new ServiceInterval("BRAKE_FLUID", "Brake fluid", 0, 24),
            new ServiceInterval("AIR_FILTER", "Air filter", 30_000, 24),
            new ServiceInterval("SPARK_PLUGS", "Spark plugs", 60_000, 48),
            new ServiceInterval("TIMING_BELT", "Timing belt", 120_000, 72));

    @Override
    public Uni<List<DueService>> due(String vin, int mileageKm, LocalDate lastServiceOn, LocalDate today) {
        return Uni.createFrom().item(IntervalSchedule.due(INTERVALS, mileageKm, lastServiceOn, today, 1_500, 1));
    }
}
