package com.garage.mobile.platform.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.ActorRole;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.time.GarageClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The per-connection rules: the replay seam, bounded buffers, the shutdown hint. */
class LiveSessionTest {

    static final UUID GARAGE = UUID.randomUUID();
    static final UUID CARL = UUID.randomUUID();
    static final UUID JOB = UUID.randomUUID();
    static final AppAudience AUDIENCE = AppAudience.CUSTOMER;
    static final LiveTopic<Long> TOPIC = new CountingTopic();

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final ClientEnd client = new ClientEnd();

    @Test
    void eventsArrivingDuringTheReplayFollowItWithoutDuplicates() {
        LiveSession session = session(10L, 256, 1000);
        session.offer(event(12), "ignored while replaying");
        session.offer(event(13), "ignored while replaying");

        session.goLive(new Replay.Missed(List.of(event(11), event(12))));
        session.offer(event(14), text(14));

        assertEquals(List.of(11L, 12L, 13L), client.eventIds().subList(0, 3));
        JsonObject caughtUp = client.messages().get(3);
        assertEquals("caught-up", caughtUp.getString("type"));
        assertEquals(13L, caughtUp.getLong("lastEventId"));
        assertEquals(2, caughtUp.getInteger("replayed"));
        assertEquals(List.of(11L, 12L, 13L, 14L), client.eventIds());
    }

    @Test
    void eventsUpToTheResumePointAreNotSentAgain() {
        LiveSession session = session(10L, 256, 1000);
        session.goLive(new Replay.Missed(List.of()));
        session.offer(event(9), text(9));
        session.offer(event(10), text(10));
        session.offer(event(11), text(11));

        assertEquals(List.of(11L), client.eventIds());
    }

    @Test
    void clientThatStopsReadingIsClosedOnceItsBufferIsFull() {
        client.writesComplete = false;
        LiveSession session = session(null, 3, 1000);
        session.goLive(Replay.NOTHING);
        session.offer(event(1), text(1));
        session.offer(event(2), text(2));
        session.offer(event(3), text(3));
        session.offer(event(4), text(4));

        assertEquals(4429, client.closedWith.getCode());
        assertEquals(List.of(1L, 2L), client.eventIds(), "nothing is queued past the limit");
        assertEquals(1.0, registry.counter("garage.live.closed", "reason", "slow-consumer").count());
    }

    @Test
    void tooManyEventsDuringTheReplayCloseTheConnection() {
        LiveSession session = session(10L, 256, 2);
        session.offer(event(11), text(11));
        session.offer(event(12), text(12));
        assertNull(client.closedWith);
        session.offer(event(13), text(13));

        assertEquals(4429, client.closedWith.getCode());
    }

    @Test
    void shutdownTellsTheClientWhereToResume() {
        LiveSession session = session(null, 256, 1000);
        session.goLive(Replay.NOTHING);
        session.offer(event(21), text(21));
        session.offer(event(22), text(22));

        session.reconnectElsewhere().await().atMost(Duration.ofSeconds(5));

        JsonObject last = client.messages().get(client.messages().size() - 1);
        assertEquals("reconnect", last.getString("type"));
        assertEquals(22L, last.getLong("lastEventId"));
        assertEquals(1012, client.closedWith.getCode());
    }

    private LiveSession session(Long resumeAfter, int sendBuffer, int replayBuffer) {
        Actor carl = new Actor(GARAGE, "carl", ActorRole.CUSTOMER, CARL, "Carl Jensen");
        return new LiveSession(client.connection(), carl, AUDIENCE, null, resumeAfter, writer(),
                new LiveMetrics(registry, new GarageClock()), config(sendBuffer, replayBuffer), new GarageClock().now());
    }

    private static LiveWriter writer() {
        return new LiveWriter(new ObjectMapper().registerModule(new JavaTimeModule()));
    }

    private static String text(long id) {
        return writer().event(AUDIENCE, event(id));
    }

    private static LiveEvent<Long> event(long id) {
        return TOPIC.describe(id);
    }

    private static LiveConfig config(int sendBuffer, int replayBuffer) {
        return (LiveConfig) Proxy.newProxyInstance(LiveConfig.class.getClassLoader(), new Class<?>[] {LiveConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "sendBuffer" -> sendBuffer;
                    case "replayBuffer" -> replayBuffer;
                    case "syncPath" -> "/api/v1/sync";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A topic whose events are numbers, all of Carl's one job: the session does not care what they are. */
    static final class CountingTopic implements LiveTopic<Long> {
        @Override
        public String name() {
            return "counting";
        }

        @Override
        public Multi<Long> arrivals() {
            return Multi.createFrom().empty();
        }

        @Override
        public LiveEvent<Long> describe(Long id) {
            return new LiveEvent<>(this, id, id, Instant.now(), JOB, id, GARAGE, List.of(CARL));
        }

        @Override
        public boolean visibleTo(Actor actor, Long event) {
            return true;
        }

        @Override
        public Object message(AppAudience audience, Long event) {
            return Map.of("seq", event);
        }

        @Override
        public LiveHistory<Long> history() {
            throw new UnsupportedOperationException("sessions do not read history");
        }
    }

    /** The client's end of the connection: what was written to it and how it was closed. */
    static final class ClientEnd {
        final List<String> written = new CopyOnWriteArrayList<>();
        volatile boolean writesComplete = true;
        volatile CloseReason closedWith;

        WebSocketConnection connection() {
            return (WebSocketConnection) Proxy.newProxyInstance(WebSocketConnection.class.getClassLoader(),
                    new Class<?>[] {WebSocketConnection.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "sendText" -> {
                            written.add((String) args[0]);
                            yield writesComplete ? Uni.createFrom().voidItem() : Uni.createFrom().nothing();
                        }
                        case "close" -> {
                            closedWith = (CloseReason) args[0];
                            yield Uni.createFrom().voidItem();
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        List<JsonObject> messages() {
            return written.stream().map(JsonObject::new).toList();
        }

        List<Long> eventIds() {
            return messages().stream().filter(m -> "event".equals(m.getString("type")))
                    .map(m -> m.getLong("eventId")).toList();
        }
    }
}
