package com.garage.mobile.platform.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How committed job events travel from the outbox to every pod. */
@ConfigMapping(prefix = "garage.events")
public interface EventBusConfig {

    /** The Redis stream all pods of both BFFs read. */
    @WithDefault("garage:job-events")
    String stream();

    /** The Redis stream of chat events (messages, edits, deletions, read cursors) all pods read. */
    @WithDefault("garage:chat-events")
    String chatStream();

    /** Roughly how many events the stream keeps; older ones are replayed from PostgreSQL. */
    @WithDefault("100000")
    long streamLength();

    /** How long one read waits for new events before asking again. */
    @WithDefault("5s")
    Duration readBlock();

    /** How long to wait before reading again after Redis failed. */
    @WithDefault("1s")
    Duration retryDelay();

    /** How often the relay looks for committed events that were never published. */
    @WithDefault("2s")
    Duration relayInterval();

    /** How old an unpublished event must be before the relay takes it over from its writer. */
    @WithDefault("3s")
    Duration relayGrace();
}
