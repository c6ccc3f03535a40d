package com.garage.mobile.api.recommendations;

import com.garage.mobile.domain.recommendation.RecommendationStore.Opened;
import com.garage.mobile.domain.recommendation.VehicleRecommendations;
import com.garage.mobile.platform.live.LiveSessions;
import com.garage.mobile.platform.live.LiveSignalHandler;
import com.garage.mobile.platform.live.LiveSignals;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * New recommendations on the live channel: after a refresh opens some, every pod tells the vehicle's
 * customer's open apps (and the garage's advisors and admins) {@code {"type": "recommendations.new",
 * "topic": "recommendation", "vehicleId", "recommendationIds"}}, so the app fetches them. A notice, not
 * an event: an app that was away finds them in its offline copy (sync type {@code recommendation}).
 */
@ApplicationScoped
public class RecommendationNotices implements LiveSignalHandler {

    static final String KIND = "recommendation.new";
    static final String TYPE = "recommendations.new";

    /** What an app receives. */
    @RegisterForReflection
    public record NewRecommendations(String type, String topic, UUID vehicleId, List<UUID> recommendationIds) {
    }

    private final VehicleRecommendations recommendations;
    private final LiveSignals signals;
    private final LiveSessions sessions;

    public RecommendationNotices(VehicleRecommendations recommendations, LiveSignals signals, LiveSessions sessions) {
        this.recommendations = recommendations;
        this.signals = signals;
        this.sessions = sessions;
    }

    /** Refreshes the vehicle's recommendations and announces those that opened. */
    public Uni<List<Opened>> refresh(UUID garageId, UUID vehicleId) {
        return recommendations.refresh(garageId, vehicleId).call(opened -> opened.isEmpty()
                ? Uni.createFrom().voidItem()
                : signals.publish(KIND, new JsonObject().put("garageId", garageId.toString())
                        .put("vehicleId", vehicleId.toString())
                        .put("customerId", opened.getFirst().customerId().toString())
                        .put("ids", new JsonArray(opened.stream().map(o -> o.id().toString()).toList()))));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void arrived(JsonObject signal) {
        UUID garageId = UUID.fromString(signal.getString("garageId"));
        UUID vehicleId = UUID.fromString(signal.getString("vehicleId"));
        List<UUID> ids = signal.getJsonArray("ids").stream().map(id -> UUID.fromString((String) id)).toList();
        UUID customerId = customerOf(signal);
        sessions.notice(garageId, customerId == null ? List.of() : List.of(customerId),
                actor -> actor.garageId().equals(garageId)
                        && (actor.seesWholeGarage() || actor.isCustomer() && actor.personId().equals(customerId)),
                app -> new NewRecommendations(TYPE, "recommendation", vehicleId, ids));
    }

    private static UUID customerOf(JsonObject signal) {
        String customer = signal.getString("customerId");
        return customer == null ? null : UUID.fromString(customer);
    }
}
