package com.garage.mobile.domain.recommendation;

import io.smallrye.mutiny.Uni;
import java.util.UUID;

/** Port the platform fills: hands a vehicle's committed recommendation events to every pod after commit. */
public interface RecommendationEventPublisher {

    Uni<Void> publishPending(UUID vehicleId);
}
