package com.garage.mobile.domain.telemetry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What an app sends about a vehicle: an odometer reading, trouble codes, or both.
 *
 * @param readAt when the odometer showed {@code odometerKm}; now when absent
 * @param jobId  the job a technician entered them for at check-in; null from the customer app
 */
public record TelemetryReport(Integer odometerKm, Instant readAt, List<String> codes, UUID jobId) {
}
