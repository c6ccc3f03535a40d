package com.garage.mobile.platform.live;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How live updates of every topic reach the apps' WebSocket connections. */
@ConfigMapping(prefix = "garage.live")
public interface LiveConfig {

    /** The most missed events a reconnecting client is replayed; with more it is told to resync. */
    @WithDefault("500")
    int replayLimit();

    /** How old the last event a client saw may be for it to resume; older, it resyncs. */
    @WithDefault("24h")
    Duration replayWindow();

    /**
     * How many event ids below the client's last one a resume still looks at for events that
     * committed or reached the stream after it (ids are taken before commit, so they can finish out
     * of order across lines and topics). Events never published are always looked at.
     */
    @WithDefault("2000")
    int replayLookback();

    /** Live events held for a connection while its replay runs; past that it counts as too slow. */
    @WithDefault("1000")
    int replayBuffer();

    /** Messages a connection may have waiting to be written; past that it is too slow and closed. */
    @WithDefault("256")
    int sendBuffer();

    /**
     * Silence after which a connection counts as dead and is closed. The server pings every
     * {@code quarkus.websockets-next.server.auto-ping-interval}; any pong counts as a sign of life.
     */
    @WithDefault("45s")
    Duration heartbeatTimeout();

    /** How often connections are checked for silence. */
    @WithDefault("5s")
    Duration heartbeatCheck();

    /** Where an app fetches the current state when missed events cannot be replayed. */
    @WithDefault("/api/v1/sync")
    String syncPath();

    /** How many lines (jobs, for the job topic) this pod remembers the last event of, to keep each in order. */
    @WithDefault("100000")
    int orderedLines();

    /** How long to wait before asking PostgreSQL again for events missing from the stream. */
    @WithDefault("1s")
    Duration gapRetry();

    /** How long shutdown waits for its clients to be told to reconnect elsewhere. */
    @WithDefault("5s")
    Duration shutdownGrace();
}
