package com.garage.mobile.api.partner;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.partner.roadside.RoadsideEventMessage;
import com.garage.mobile.platform.live.LiveEvent;
import com.garage.mobile.platform.live.LiveHistory;
import com.garage.mobile.platform.live.LiveTopic;
import com.garage.mobile.platform.partner.roadside.RoadsideEventStream;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Roadside requests on the live channel (topic {@code roadside}): the customer watches their own
 * request's status and ETA; advisors and admins see every request of the garage (the inbound tows).
 */
@ApplicationScoped
public class RoadsideTopic implements LiveTopic<RoadsideEventMessage> {

    public static final String NAME = "roadside";

    /** What the apps receive besides the common fields. */
    public record RoadsideLiveMessage(UUID requestId, String status, String previousStatus, Instant etaAt,
            boolean towToGarage, UUID jobId) {
    }

    private final RoadsideEventStream events;
    private final RoadsideEventHistory history;

    public RoadsideTopic(RoadsideEventStream events, RoadsideEventHistory history) {
        this.events = events;
        this.history = history;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Multi<RoadsideEventMessage> arrivals() {
        return events.arrivals();
    }

    @Override
    public LiveEvent<RoadsideEventMessage> describe(RoadsideEventMessage event) {
        return new LiveEvent<>(this, event, event.id(), event.occurredAt(), null, 0, event.garageId(),
                List.of(event.customerId()));
    }

    @Override
    public boolean visibleTo(Actor actor, RoadsideEventMessage event) {
        return event.visibleTo(actor);
    }

    @Override
    public Object message(AppAudience audience, RoadsideEventMessage event) {
        return new RoadsideLiveMessage(event.requestId(), event.status(), event.previousStatus(), event.etaAt(),
                event.towToGarage(), audience == AppAudience.STAFF ? event.jobId() : null);
    }

    @Override
    public LiveHistory<RoadsideEventMessage> history() {
        return history;
    }
}
