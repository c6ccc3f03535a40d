package com.garage.mobile.platform.live;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.time.GarageClock;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * This pod's live connections, and the fan-out of every topic's events to those that may see them.
 * Connections are indexed by who they follow (a garage for advisors and admins, a person for
 * customers and technicians), so an event touches only its own audience.
 */
@ApplicationScoped
public class LiveSessions {

    private static final Logger LOG = Logger.getLogger(LiveSessions.class);
    private static final UserData.TypedKey<LiveSession> SESSION = new UserData.TypedKey<>("garage.live.session");

    private final LiveSequencer sequencer;
    private final MissedEvents missed;
    private final LiveWriter writer;
    private final LiveMetrics metrics;
    private final LiveConfig config;
    private final Vertx vertx;
    private final GarageClock clock;
    private final LivePresence presence;
    private final Map<UUID, Set<LiveSession>> byGarage = new ConcurrentHashMap<>();
    private final Map<UUID, Set<LiveSession>> byPerson = new ConcurrentHashMap<>();
    private final Set<LiveSession> all = ConcurrentHashMap.newKeySet();
    private long heartbeatTimer = -1;
    private volatile boolean draining;

    public LiveSessions(LiveSequencer sequencer, MissedEvents missed, LiveWriter writer, LiveMetrics metrics,
            LiveConfig config, Vertx vertx, GarageClock clock, LivePresence presence) {
        this.clock = clock;
        this.presence = presence;
        this.sequencer = sequencer;
        this.missed = missed;
        this.writer = writer;
        this.metrics = metrics;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent startup) {
        metrics.connections(all::size);
        sequencer.events().subscribe().with(this::fanOut);
        heartbeatTimer = vertx.setPeriodic(config.heartbeatCheck().toMillis(), tick -> closeSilent());
    }

    /**
     * Starts following events for a connection that just opened: replays what the client missed
     * since the {@code lastEventId} of its handshake, if it sent one, then goes live.
     */
    public Uni<Void> open(WebSocketConnection connection, Actor actor, AppAudience audience) {
        Long resumeAfter;
        UUID deviceId;
        try {
            resumeAfter = LastEventId.of(connection.handshakeRequest().query());
            deviceId = LiveDeviceId.of(connection.handshakeRequest().query());
        } catch (IllegalArgumentException e) {
            metrics.closed("bad-request");
            return connection.close(new CloseReason(LiveCloseCodes.BAD_REQUEST, e.getMessage()));
        }
        LiveSession session = new LiveSession(connection, actor, audience, deviceId, resumeAfter, writer, metrics,
                config, clock.now());
        if (draining) {
            return session.reconnectElsewhere();
        }
        connection.userData().put(SESSION, session);
        add(session);
        if (resumeAfter == null) {
            session.goLive(Replay.NOTHING);
            return present(session);
        }
        return present(session).chain(() -> missed.since(actor, resumeAfter)
                .invoke(metrics::resumed)
                .invoke(session::goLive)
                .onFailure().call(failure -> {
                    LOG.warnf("Replay after event %d failed: %s", resumeAfter, failure.getMessage());
                    return session.end(LiveCloseCodes.TRY_AGAIN_LATER, "replay-failed");
                })
                .onFailure().recoverWithNull().replaceWithVoid());
    }

    /** The client answered a ping (or otherwise showed it is there). */
    public void heard(WebSocketConnection connection) {
        LiveSession session = connection.userData().get(SESSION);
        if (session != null) {
            session.heard(clock.now());
            present(session).subscribe().with(done -> { });
        }
    }

    /** Answers the connection's own message (a refusal, say), as a notice outside the events. */
    public void reply(WebSocketConnection connection, Object message) {
        LiveSession session = connection.userData().get(SESSION);
        if (session != null) {
            session.notice(writer.text(message));
        }
    }

    /** Who the connection belongs to, or null once it is closed. */
    public Actor actorOf(WebSocketConnection connection) {
        LiveSession session = connection.userData().get(SESSION);
        return session != null ? session.actor() : null;
    }

    /**
     * Hands a notice that is no event to this pod's live connections of these people (and of their
     * garage's staff who see the whole garage) that {@code to} accepts; each app gets it in its
     * words ({@code message} answers null to send that app nothing).
     */
    public void notice(UUID garageId, Collection<UUID> people, Predicate<Actor> to,
            Function<AppAudience, Object> message) {
        Map<AppAudience, Optional<String>> worded = new EnumMap<>(AppAudience.class);
        Stream.concat(sessions(byGarage, garageId), people.stream().flatMap(person -> sessions(byPerson, person)))
                .distinct().filter(session -> to.test(session.actor())).forEach(session -> worded
                        .computeIfAbsent(session.audience(), audience -> Optional.ofNullable(message.apply(audience))
                                .map(writer::text))
                        .ifPresent(session::notice));
    }

    public void closed(WebSocketConnection connection) {
        LiveSession session = connection.userData().remove(SESSION);
        if (session != null) {
            remove(session);
        }
    }

    /** Open connections on this pod. */
    public int count() {
        return all.size();
    }

    private void fanOut(LiveEvent<?> event) {
        Map<AppAudience, String> worded = new EnumMap<>(AppAudience.class);
        audienceOf(event).filter(session -> event.visibleTo(session.actor())).forEach(session -> {
            try {
                String text = worded.computeIfAbsent(session.audience(), audience -> writer.event(audience, event));
                session.offer(event, text);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not hand event %d to a live connection", event.id());
            }
        });
    }

    private Stream<LiveSession> audienceOf(LiveEvent<?> event) {
        return Stream.concat(sessions(byGarage, event.garageId()),
                event.people().stream().flatMap(person -> sessions(byPerson, person)));
    }

    private static Stream<LiveSession> sessions(Map<UUID, Set<LiveSession>> index, UUID key) {
        Set<LiveSession> found = key != null ? index.get(key) : null;
        return found != null ? found.stream() : Stream.empty();
    }

    private void add(LiveSession session) {
        all.add(session);
        indexOf(session.actor()).computeIfAbsent(keyOf(session.actor()), key -> ConcurrentHashMap.newKeySet())
                .add(session);
    }

    private void remove(LiveSession session) {
        if (all.remove(session) && session.deviceId() != null) {
            presence.gone(session.actor().personId(), session.deviceId(), session.connectionId())
                    .subscribe().with(done -> { });
        }
        indexOf(session.actor()).computeIfPresent(keyOf(session.actor()), (key, sessions) -> {
            sessions.remove(session);
            return sessions.isEmpty() ? null : sessions;
        });
    }

    private Uni<Void> present(LiveSession session) {
        return session.deviceId() == null ? Uni.createFrom().voidItem()
                : presence.present(session.actor().personId(), session.deviceId(), session.connectionId());
    }

    private Map<UUID, Set<LiveSession>> indexOf(Actor actor) {
        return actor.seesWholeGarage() ? byGarage : byPerson;
    }

    private static UUID keyOf(Actor actor) {
        return actor.seesWholeGarage() ? actor.garageId() : actor.personId();
    }

    private void closeSilent() {
        Instant cutoff = clock.now().minus(config.heartbeatTimeout());
        all.stream().filter(session -> session.silentSince(cutoff)).toList().forEach(session -> {
            remove(session);
            session.end(LiveCloseCodes.NO_HEARTBEAT, "heartbeat");
        });
    }

    /**
     * Tells every client to resume on another pod, and waits a little for that to go out. This runs
     * first thing on SIGTERM, while the HTTP server still serves; clients that connect from now on
     * are sent on at once.
     */
    void drain(@Observes ShutdownDelayInitiatedEvent shutdown) {
        draining = true;
        vertx.cancelTimer(heartbeatTimer);
        List<Uni<Void>> closing = new ArrayList<>();
        all.forEach(session -> closing.add(session.reconnectElsewhere()));
        if (closing.isEmpty()) {
            return;
        }
        LOG.infof("Asking %d live connection(s) to reconnect elsewhere", closing.size());
        try {
            Uni.join().all(closing).andCollectFailures().await().atMost(config.shutdownGrace());
        } catch (RuntimeException e) {
            LOG.warnf("Not every live connection closed in time: %s", e.getMessage());
        }
    }
}
