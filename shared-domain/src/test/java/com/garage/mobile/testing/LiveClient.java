package com.garage.mobile.testing;

import io.quarkus.websockets.next.BasicWebSocketConnector.ExecutionModel;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketClientConnection;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * An app's live connection in a test: connects with the websockets-next client, keeps every
 * message it receives and how it was closed.
 */
public final class LiveClient implements AutoCloseable {

    public static final Duration PATIENCE = Duration.ofSeconds(30);
    /** The one live channel both apps serve. */
    public static final String PATH = "/ws/v1/live";
    public static final String SUBPROTOCOL = "garage-live.v2";

    private final List<JsonObject> messages = new CopyOnWriteArrayList<>();
    private volatile CloseReason closeReason;
    private WebSocketClientConnection connection;

    private LiveClient() {
    }

    /** Connects as a mobile app does: the token in the Authorization header. */
    public static LiveClient connect(URI base, String path, String token, Long lastEventId) {
        return new LiveClient().open(base, pathWith(path, lastEventId),
                BasicWebSocketConnector.create().addHeader("Authorization", "Bearer " + token));
    }

    /** Connects as a browser does: the token in a subprotocol, since a browser cannot set headers. */
    public static LiveClient connectAsBrowser(URI base, String path, String token) {
        String carrier = "quarkus-http-upgrade#Authorization#Bearer " + token;
        return new LiveClient().open(base, path, BasicWebSocketConnector.create().addSubprotocol(SUBPROTOCOL)
                .addSubprotocol(URLEncoder.encode(carrier, StandardCharsets.UTF_8).replace("+", "%20")));
    }

    private LiveClient open(URI base, String path, BasicWebSocketConnector connector) {
        // On the event loop, so messages are kept in the order they arrive (worker threads may reorder them).
        connection = connector.baseUri(base).path(path).executionModel(ExecutionModel.NON_BLOCKING)
                .onTextMessage((c, text) -> messages.add(new JsonObject(text)))
                .onClose((c, reason) -> closeReason = reason)
                .connectAndAwait();
        return this;
    }

    private static String pathWith(String path, Long lastEventId) {
        return lastEventId == null ? path : path + "?lastEventId=" + lastEventId;
    }

    public WebSocketClientConnection connection() {
        return connection;
    }

    public List<JsonObject> messages() {
        return List.copyOf(messages);
    }

    /** The events received, of every topic, in order. */
    public List<JsonObject> events() {
        return messages.stream().filter(m -> "event".equals(m.getString("type"))).toList();
    }

    /** The events of one topic received, in order. */
    public List<JsonObject> events(String topic) {
        return events().stream().filter(m -> topic.equals(m.getString("topic"))).toList();
    }

    public List<Long> eventIds() {
        return events().stream().map(m -> m.getLong("eventId")).toList();
    }

    /** Waits for the first message of a type and returns it. */
    public JsonObject await(String type) {
        return await(m -> type.equals(m.getString("type")));
    }

    public JsonObject await(Predicate<JsonObject> wanted) {
        Awaitility.await().atMost(PATIENCE).until(() -> messages.stream().anyMatch(wanted));
        return messages.stream().filter(wanted).findFirst().orElseThrow();
    }

    /** Waits until the events received number at least {@code count}. */
    public List<JsonObject> awaitEvents(int count) {
        Awaitility.await().atMost(PATIENCE).until(() -> events().size() >= count);
        return events();
    }

    public CloseReason awaitClosed() {
        Awaitility.await().atMost(PATIENCE).until(() -> closeReason != null);
        return closeReason;
    }

    public CloseReason closeReason() {
        return closeReason;
    }

    @Override
    public void close() {
        if (connection != null && connection.isOpen()) {
            connection.closeAndAwait();
        }
    }
}
