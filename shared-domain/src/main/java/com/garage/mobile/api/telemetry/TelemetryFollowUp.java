package com.garage.mobile.api.telemetry;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.recommendation.VehicleRecommendations;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * After a report is committed, the vehicle's recommendations are refreshed and new ones announced
 * live, so that a reading that makes a service due shows at once. A failure here does not undo the stored report: the next
 * listing or the sweep refreshes again.
 */
@ApplicationScoped
public class TelemetryFollowUp {

    private static final Logger LOG = Logger.getLogger(TelemetryFollowUp.class);

    private final VehicleRecommendations recommendations;

    public TelemetryFollowUp(VehicleRecommendations recommendations) {
        this.recommendations = recommendations;
    }

    public Uni<Void> refresh(Actor reporter, UUID vehicleId) {
        return recommendations.refresh(reporter.garageId(), vehicleId).replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("Refreshing recommendations of vehicle %s failed: %s", vehicleId,
                        e.getMessage()))
                .onFailure().recoverWithNull();
    }
}
