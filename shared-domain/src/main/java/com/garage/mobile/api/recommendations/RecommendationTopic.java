package com.garage.mobile.api.recommendations;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.recommendation.RecommendationEvent;
import com.garage.mobile.platform.live.LiveEvent;
import com.garage.mobile.platform.live.LiveHistory;
import com.garage.mobile.platform.live.LiveTopic;
import com.garage.mobile.platform.recommendation.RecommendationEventStream;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * New recommendations on the live channel (topic {@code recommendation}, event {@code recommendations.new}): the
 * vehicle's customer and the garage's advisors and admins are told which opened, and the app fetches them; an app
 * that was away is sent the ones it missed when it reconnects. Technicians are not told.
 */
@ApplicationScoped
public class RecommendationTopic implements LiveTopic<RecommendationEvent> {

    public static final String NAME = "recommendation";
    public static final String EVENT = "recommendations.new";

    /** What the apps receive besides the common fields. */
    public record NewRecommendations(String event, UUID vehicleId, List<UUID> recommendationIds) {
    }

    private final RecommendationEventStream events;
    private final RecommendationEventHistory history;

    public RecommendationTopic(RecommendationEventStream events, RecommendationEventHistory history) {
        this.events = events;
        this.history = history;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Multi<RecommendationEvent> arrivals() {
        return events.arrivals();
    }

    @Override
    public LiveEvent<RecommendationEvent> describe(RecommendationEvent event) {
        return new LiveEvent<>(this, event, event.id(), event.occurredAt(), null, 0, event.garageId(),
                List.of(event.customerId()));
    }

    @Override
    public boolean visibleTo(Actor actor, RecommendationEvent event) {
        return event.visibleTo(actor);
    }

    @Override
    public Object message(AppAudience audience, RecommendationEvent event) {
        return new NewRecommendations(EVENT, event.vehicleId(), event.recommendationIds());
    }

    @Override
    public LiveHistory<RecommendationEvent> history() {
        return history;
    }
}
