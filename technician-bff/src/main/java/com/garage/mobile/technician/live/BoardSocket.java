package com.garage.mobile.technician.live;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.platform.live.LiveFormat;
import com.garage.mobile.platform.live.LiveSessions;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;

/**
 * The job board, live: a technician follows the jobs assigned to them (from the moment they are
 * assigned until they are taken off), advisors and admins their whole garage. A reconnecting app
 * sends {@code ?lastEventId=} and gets what it missed first.
 */
@WebSocket(path = "/ws/v1/board")
@PermissionsAllowed(Capability.JOB_BOARD_READ)
public class BoardSocket {

    private static final LiveFormat FORMAT = BoardUpdate::of;

    private final LiveSessions sessions;
    private final CurrentActor actor;

    public BoardSocket(LiveSessions sessions, CurrentActor actor) {
        this.sessions = sessions;
        this.actor = actor;
    }

    @OnOpen
    public Uni<Void> open(WebSocketConnection connection) {
        return sessions.open(connection, actor.get(), FORMAT);
    }

    @OnPongMessage
    public void pong(WebSocketConnection connection, Buffer data) {
        sessions.heard(connection);
    }

    @OnClose
    public void close(WebSocketConnection connection) {
        sessions.closed(connection);
    }
}
