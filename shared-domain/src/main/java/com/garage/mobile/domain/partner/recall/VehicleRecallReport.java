package com.garage.mobile.domain.partner.recall;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The open recalls of one vehicle, with how old the data is and whether it is delayed (the source
 * is unreachable: what is shown is the last known).
 */
public record VehicleRecallReport(UUID vehicleId, String make, String model, Integer modelYear,
        List<VehicleRecall> recalls, Instant asOf, boolean delayed) {
}
