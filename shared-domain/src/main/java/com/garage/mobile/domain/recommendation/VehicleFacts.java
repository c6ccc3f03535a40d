package com.garage.mobile.domain.recommendation;

import com.garage.mobile.domain.telemetry.OdometerReading;
import java.util.List;

/**
 * What the rules know of a vehicle: the vehicle, its odometer readings with the check-in odometers
 * of its closed jobs, its closed visits, and its declined lines still open for follow-up.
 */
public record VehicleFacts(VehicleRef vehicle, List<OdometerReading> readings, List<ServiceVisit> visits,
        List<DeclinedFollowUps.Declined> declined) {
}
