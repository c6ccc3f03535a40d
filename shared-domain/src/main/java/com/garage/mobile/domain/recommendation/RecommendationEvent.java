package com.garage.mobile.domain.recommendation;

import com.garage.mobile.domain.access.Actor;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Recommendations that opened for a vehicle in one refresh (new, or back after their quiet time), as the
 * live channel carries them ({@code recommendation_event}): to the vehicle's customer and the garage's
 * advisors and admins.
 */
public record RecommendationEvent(long id, UUID garageId, UUID customerId, UUID vehicleId,
        List<UUID> recommendationIds, Instant occurredAt) {

    public static final String COLUMNS = "id, garage_id, customer_id, vehicle_id, recommendation_ids, occurred_at";

    public static RecommendationEvent of(Row row) {
        return new RecommendationEvent(row.getLong("id"), row.getUUID("garage_id"), row.getUUID("customer_id"),
                row.getUUID("vehicle_id"), List.of(row.getArrayOfUUIDs("recommendation_ids")),
                row.getOffsetDateTime("occurred_at").toInstant());
    }

    public boolean visibleTo(Actor actor) {
        if (!garageId.equals(actor.garageId())) {
            return false;
        }
        return actor.isCustomer() ? customerId.equals(actor.personId()) : actor.seesWholeGarage();
    }
}
