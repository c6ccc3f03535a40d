package com.garage.mobile.platform.live;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppAudience;
import io.smallrye.mutiny.Multi;

/**
 * A kind of event the one live channel carries (job now; chat, payment, media later), contributed
 * by its feature as a CDI bean from the feature's own package. The platform orders, fans out,
 * replays and resumes the events of every topic alike; the topic says who may see an event, how
 * each app words it, and where its history is read back from.
 *
 * @param <E> the topic's event as it travels between pods
 */
public interface LiveTopic<E> {

    /** The {@code topic} of its messages, e.g. {@code job}. */
    String name();

    /**
     * The topic's committed events as they reach this pod, from every pod; hot. An event may come
     * twice or ahead of its predecessors: the platform puts each line back in order.
     */
    Multi<E> arrivals();

    /** Where the event stands in the channel: its id (from the {@code live_event_id} sequence), line and audience. */
    LiveEvent<E> describe(E event);

    /** Whether the actor may receive the event: the same rule as reading it over REST. */
    boolean visibleTo(Actor actor, E event);

    /**
     * What an app of this audience receives of the event, besides the {@code type}, {@code topic},
     * {@code eventId} and {@code occurredAt} every event message carries; null to send nothing.
     */
    Object message(AppAudience audience, E event);

    /** Where the topic's events are read back from PostgreSQL. */
    LiveHistory<E> history();
}
