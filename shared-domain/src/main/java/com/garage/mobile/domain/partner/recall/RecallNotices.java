package com.garage.mobile.domain.partner.recall;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;

/**
 * Port the platform fills: tells the vehicle's customer of each recall campaign found on it for the
 * first time (SAFETY category), once per vehicle and campaign ({@code vehicle_recall.notified_at}).
 */
public interface RecallNotices {

    Uni<Void> found(UUID garageId, UUID customerId, UUID vehicleId, List<Recall> recalls);

    /** The one notification key of a campaign on a vehicle, whichever feature tells the customer of it. */
    static String notificationKey(UUID vehicleId, String campaign) {
        return "recall:" + vehicleId + ":" + campaign;
    }
}
