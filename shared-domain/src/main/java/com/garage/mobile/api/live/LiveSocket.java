package com.garage.mobile.api.live;

import com.garage.mobile.domain.access.AccessConfig;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.platform.live.LiveInbox;
import com.garage.mobile.platform.live.LiveSessions;
import io.quarkus.security.Authenticated;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;

/**
 * The one live channel of both apps: every event of every topic the signed-in person may see,
 * worded for their app ({@code garage.access.audience}). Who may open it is
 * {@code garage.live-socket.capability} ({@link LiveSocketAccess}). A reconnecting app sends
 * {@code ?lastEventId=} and gets what it missed first.
 */
@WebSocket(path = LiveSocket.PATH, endpointId = LiveSocket.ENDPOINT_ID)
@Authenticated
public class LiveSocket {

    public static final String PATH = "/ws/v1/live";
    static final String ENDPOINT_ID = "garage-live";

    private final LiveSessions sessions;
    private final CurrentActor actor;
    private final AccessConfig access;
    private final LiveInbox inbox;

    public LiveSocket(LiveSessions sessions, CurrentActor actor, AccessConfig access, LiveInbox inbox) {
        this.inbox = inbox;
        this.sessions = sessions;
        this.actor = actor;
        this.access = access;
    }

    @OnOpen
    public Uni<Void> open(WebSocketConnection connection) {
        return sessions.open(connection, actor.get(), access.audience());
    }

    /** A message from the app: a signal such as typing, handed to the feature that takes its type. */
    @OnTextMessage
    public Uni<Void> message(WebSocketConnection connection, String text) {
        return inbox.receive(connection, text);
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
