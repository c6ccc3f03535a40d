package com.garage.mobile.platform.live;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppAudience;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One app connection following the events of every topic. Until its replay is done it holds live
 * events back; then it sends the replay, the held events it did not already get, and follows live. Events
 * arrive from the stream, replies from PostgreSQL and timers on different threads, hence the locks.
 */
final class LiveSession {

    private final WebSocketConnection connection;
    private final Actor actor;
    private final AppAudience audience;
    private final UUID deviceId;
    private final LiveWriter writer;
    private final LiveMetrics metrics;
    private final LiveConfig config;
    private final AtomicInteger unwritten = new AtomicInteger();
    /** Events up to this id (except those of the replay) reached the client before it reconnected. */
    private Long seenUpTo;
    private Set<Long> replayed = Set.of();
    private List<LiveEvent<?>> held = new ArrayList<>();
    private Long lastSent;
    private Uni<Void> closing;
    private volatile Instant heardAt;

    LiveSession(WebSocketConnection connection, Actor actor, AppAudience audience, UUID deviceId, Long resumeAfter,
            LiveWriter writer, LiveMetrics metrics, LiveConfig config, Instant openedAt) {
        this.deviceId = deviceId;
        this.heardAt = openedAt;
        this.connection = connection;
        this.actor = actor;
        this.audience = audience;
        this.seenUpTo = resumeAfter;
        this.lastSent = resumeAfter;
        this.writer = writer;
        this.metrics = metrics;
        this.config = config;
    }

    Actor actor() {
        return actor;
    }

    AppAudience audience() {
        return audience;
    }

    /** The push device the app named, or null. */
    UUID deviceId() {
        return deviceId;
    }

    String connectionId() {
        return connection.id();
    }

    /**
     * A notice that is no event (no id, never replayed), such as someone typing: sent only while
     * live, and dropped during a replay, since it would be stale by the end of it.
     */
    synchronized void notice(String text) {
        if (held == null) {
            write(text);
        }
    }

    /** A live event, already in this app's words. */
    synchronized void offer(LiveEvent<?> event, String text) {
        if (closing != null) {
            return;
        }
        if (held == null) {
            if (isNew(event) && send(event, text)) {
                metrics.delivered(event.occurredAt());
            }
        } else if (held.size() < config.replayBuffer()) {
            held.add(event);
        } else {
            end(LiveCloseCodes.TOO_SLOW, "slow-consumer");
        }
    }

    /** Ends the replay: sends what was missed (or the resync hint), then what arrived meanwhile. */
    synchronized void goLive(Replay replay) {
        if (closing != null) {
            return;
        }
        int replayedCount = 0;
        if (replay instanceof Replay.Missed missed) {
            replayed = new HashSet<>();
            missed.events().forEach(event -> {
                replayed.add(event.id());
                send(event, writer.event(audience, event));
            });
            replayedCount = missed.events().size();
        } else if (replay instanceof Replay.Resync resync) {
            seenUpTo = null;
            write(writer.text(LiveNotice.Resync.of(resync.reason(), resync.detail(), config.syncPath())));
        }
        List<LiveEvent<?>> meanwhile = held;
        held = null;
        meanwhile.stream().filter(this::isNew).forEach(event -> send(event, writer.event(audience, event)));
        write(writer.text(LiveNotice.CaughtUp.of(lastSent, replayedCount)));
    }

    /** The pod is stopping: tells the client where to resume, and closes. */
    synchronized Uni<Void> reconnectElsewhere() {
        if (closing == null) {
            write(writer.text(LiveNotice.Reconnect.of("server-shutdown", lastSent)));
        }
        return end(LiveCloseCodes.SERVER_RESTART, "shutdown");
    }

    /** Closes the connection once; what was written before still goes out first. */
    synchronized Uni<Void> end(CloseReason reason, String why) {
        if (closing == null) {
            metrics.closed(why);
            closing = Uni.createFrom().completionStage(
                    connection.close(reason).onFailure().recoverWithNull().subscribeAsCompletionStage());
        }
        return closing;
    }

    void heard(Instant at) {
        heardAt = at;
    }

    boolean silentSince(Instant cutoff) {
        return heardAt.isBefore(cutoff);
    }

    /** Neither replayed nor among what the client saw before it reconnected. */
    private boolean isNew(LiveEvent<?> event) {
        return seenUpTo == null || event.id() > seenUpTo && !replayed.contains(event.id());
    }

    private boolean send(LiveEvent<?> event, String text) {
        if (text == null || !write(text)) {
            return false;
        }
        lastSent = event.id();
        return true;
    }

    /** Writes unless too much is still waiting to go out, in which case the client is too slow. */
    private boolean write(String text) {
        if (closing != null) {
            return false;
        }
        if (unwritten.incrementAndGet() > config.sendBuffer()) {
            end(LiveCloseCodes.TOO_SLOW, "slow-consumer");
            return false;
        }
        connection.sendText(text).subscribe().with(done -> unwritten.decrementAndGet(),
                failure -> unwritten.decrementAndGet());
        return true;
    }
}
