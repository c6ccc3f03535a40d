package com.garage.mobile.api.telemetry;

import com.garage.mobile.domain.telemetry.DailyMileage;
import com.garage.mobile.domain.telemetry.OdometerReading;
import com.garage.mobile.domain.telemetry.TelemetryReceipt;
import com.garage.mobile.domain.telemetry.VehicleTelemetry;
import java.util.List;
import java.util.UUID;

/**
 * A vehicle's telemetry: readings newest first, trouble codes, and the daily mileage with its basis
 * ({@code READINGS}, {@code VEHICLE_AGE} or {@code DEFAULT}) and the odometer predicted for today.
 */
public record TelemetryView(UUID vehicleId, List<OdometerReading> readings, List<TelemetryReceipt.Code> codes,
        Mileage mileage) {

    /** Kilometres per day (one decimal), what the figure rests on, and how many readings over how many days. */
    public record Mileage(double kmPerDay, DailyMileage.Basis basis, int readingsUsed, long spanDays) {
    }

    static TelemetryView of(VehicleTelemetry telemetry) {
        DailyMileage.Estimate estimate = telemetry.mileage();
        return new TelemetryView(telemetry.vehicleId(), telemetry.readings(), telemetry.codes(),
                new Mileage(Math.round(estimate.kmPerDay() * 10) / 10.0, estimate.basis(), estimate.readingsUsed(),
                        estimate.spanDays()));
    }
}
