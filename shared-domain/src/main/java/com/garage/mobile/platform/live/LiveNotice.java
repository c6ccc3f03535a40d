package com.garage.mobile.platform.live;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The messages about the connection itself, as opposed to events of a topic, that both apps' clients
 * receive. {@code type} tells them apart. Registered for reflection: Jackson writes them outside
 * any REST signature, which native images would otherwise not know of.
 */
public final class LiveNotice {

    private LiveNotice() {
    }

    /**
     * The replay is over and live events follow.
     *
     * @param lastEventId the last event id delivered so far, or null if none
     * @param replayed    how many missed events were replayed
     */
    @RegisterForReflection
    public record CaughtUp(String type, Long lastEventId, int replayed) {
        static CaughtUp of(Long lastEventId, int replayed) {
            return new CaughtUp("caught-up", lastEventId, replayed);
        }
    }

    /**
     * Missed events cannot be replayed: fetch the current state from {@code syncPath}. Live events
     * keep coming on this connection.
     */
    @RegisterForReflection
    public record Resync(String type, String reason, String detail, String syncPath) {
        static Resync of(String reason, String detail, String syncPath) {
            return new Resync("resync", reason, detail, syncPath);
        }
    }

    /** This server is going away: reconnect (to any server) and resume from {@code lastEventId}. */
    @RegisterForReflection
    public record Reconnect(String type, String reason, Long lastEventId) {
        static Reconnect of(String reason, Long lastEventId) {
            return new Reconnect("reconnect", reason, lastEventId);
        }
    }
}
