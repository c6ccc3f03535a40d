package com.garage.mobile.platform.live;

import io.quarkus.websockets.next.CloseReason;

/** Why the server closes a live connection, as WebSocket close codes the apps act on. */
public final class LiveCloseCodes {

    /** The server is restarting or scaling down: reconnect at once and resume (RFC 6455 "Service Restart"). */
    public static final CloseReason SERVER_RESTART =
            new CloseReason(1012, "Server restarting; reconnect and resume from lastEventId");
    /** The missed events could not be read just now: reconnect after a short pause (RFC 6455 "Try Again Later"). */
    public static final CloseReason TRY_AGAIN_LATER =
            new CloseReason(1013, "Could not replay missed events; reconnect shortly");
    /** The connection's {@code lastEventId} is malformed. */
    public static final int BAD_REQUEST = 4400;
    /** No pong for too long: the connection is taken for dead. */
    public static final CloseReason NO_HEARTBEAT = new CloseReason(4408, "No heartbeat; reconnect and resume");
    /** The client did not keep up; events were not delivered. */
    public static final CloseReason TOO_SLOW =
            new CloseReason(4429, "Too slow to keep up; reconnect with lastEventId or resync");

    private LiveCloseCodes() {
    }
}
