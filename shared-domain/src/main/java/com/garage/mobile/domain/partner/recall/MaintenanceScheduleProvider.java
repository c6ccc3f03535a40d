package com.garage.mobile.domain.partner.recall;

import io.smallrye.mutiny.Uni;
import java.time.LocalDate;
import java.util.List;

/**
 * A manufacturer's maintenance schedule and service plans, keyed by VIN and mileage: what falls due
 * within the look-ahead, by distance and by time since the last service. A manufacturer's own
 * programme API plugs in as another bean of this type (docs/partners.md).
 */
public interface MaintenanceScheduleProvider {

    /**
     * @param lastServiceOn the vehicle's last closed job at the garage, or null when unknown
     * @param today         the garage's date
     */
    Uni<List<DueService>> due(String vin, int mileageKm, LocalDate lastServiceOn, LocalDate today);
}
