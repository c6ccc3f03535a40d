package com.garage.mobile.domain.telemetry;

import java.util.List;
import java.util.UUID;

/**
 * A vehicle's telemetry as read: its readings (newest first), its trouble codes and the daily
 * mileage estimated from them.
 */
public record VehicleTelemetry(UUID vehicleId, UUID customerId, String make, String model, Integer modelYear,
        List<OdometerReading> readings, List<TelemetryReceipt.Code> codes, DailyMileage.Estimate mileage) {
}
