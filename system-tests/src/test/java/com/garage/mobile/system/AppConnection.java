package com.garage.mobile.system;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/** An app's live connection to one pod, through the JDK's WebSocket client. */
final class AppConnection implements WebSocket.Listener {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<JsonObject> messages = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;
    private volatile Integer closeCode;

    private AppConnection(URI uri, String token) {
        this.socket = HTTP.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .connectTimeout(Duration.ofSeconds(30)).buildAsync(uri, this).join();
    }

    /** Connects and waits until the replay (if any) is done and live events follow. */
    static AppConnection open(Pod pod, String token, Long lastEventId) {
        String query = lastEventId != null ? "?lastEventId=" + lastEventId : "";
        AppConnection connection = new AppConnection(pod.ws("/ws/v1/live" + query), token);
        connection.await(m -> "caught-up".equals(m.getString("type")));
        return connection;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        synchronized (partial) {
            partial.append(data);
            if (last) {
                messages.add(new JsonObject(partial.toString()));
                partial.setLength(0);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode = statusCode;
        return null;
    }

    /** The job events received, in order. */
    List<JsonObject> events() {
        return messages.stream().filter(m -> "event".equals(m.getString("type")) && "job".equals(m.getString("topic")))
                .toList();
    }

    List<Integer> seqs() {
        return events().stream().map(m -> m.getInteger("seq")).toList();
    }

    List<Long> eventIds() {
        return events().stream().map(m -> m.getLong("eventId")).toList();
    }

    List<JsonObject> awaitEvents(int count) {
        Awaitility.await("%d events".formatted(count)).atMost(PATIENCE).until(() -> events().size() >= count);
        return events();
    }

    JsonObject await(Predicate<JsonObject> wanted) {
        Awaitility.await().atMost(PATIENCE).until(() -> messages.stream().anyMatch(wanted));
        return messages.stream().filter(wanted).findFirst().orElseThrow();
    }

    /** Sends a message on the socket, as the app does for what needs no answer (typing). */
    void send(JsonObject message) {
        socket.sendText(message.encode(), true).join();
    }

    int awaitClosed() {
        Awaitility.await("closed").atMost(PATIENCE).until(() -> closeCode != null);
        return closeCode;
    }

    void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        }
        socket.abort();
    }
}
