package com.garage.mobile.platform.live;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.live.LiveHistory.ResumePoint;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a reconnecting client missed since the event it saw last, whatever that event's topic:
 * the missed events of every topic, merged in id order, or why it must resync instead.
 */
@ApplicationScoped
class MissedEvents {

    private final Instance<LiveTopic<?>> topics;
    private final LiveConfig config;
    private final GarageClock clock;

    MissedEvents(@Any Instance<LiveTopic<?>> topics, LiveConfig config, GarageClock clock) {
        this.topics = topics;
        this.config = config;
        this.clock = clock;
    }

    Uni<Replay> since(Actor actor, long lastEventId) {
        List<Uni<Optional<Placed>>> lookUps = topics.stream().map(topic -> place(topic, lastEventId)).toList();
        return Uni.join().all(lookUps).andFailFast().chain(found -> {
            Optional<Placed> last = found.stream().flatMap(Optional::stream).findFirst();
            if (last.isEmpty() || !last.get().event().visibleTo(actor)) {
                return resync("unknown-event", "Event " + lastEventId + " is not one of yours.");
            }
            if (last.get().event().occurredAt().isBefore(clock.now().minus(config.replayWindow()))) {
                return resync("too-old", "Event " + lastEventId + " is older than the replay window.");
            }
            return missedAfter(actor, last.get());
        });
    }

    private Uni<Replay> missedAfter(Actor actor, Placed last) {
        List<Uni<List<LiveEvent<?>>>> reads = topics.stream()
                .map(topic -> missedOf(topic, actor, resumePoint(topic, last))).toList();
        return Uni.join().all(reads).andFailFast().map(perTopic -> {
            List<LiveEvent<?>> missed = perTopic.stream().flatMap(List::stream)
                    .filter(event -> event.visibleTo(actor))
                    .sorted(Comparator.comparingLong(LiveEvent::id)).toList();
            if (missed.size() > config.replayLimit()) {
                return new Replay.Resync("too-many-missed",
                        "More than " + config.replayLimit() + " events were missed.");
            }
            return new Replay.Missed(missed);
        });
    }

    private ResumePoint resumePoint(LiveTopic<?> topic, Placed last) {
        Object line = topic.name().equals(last.event().topic().name()) ? last.event().line() : null;
        return new ResumePoint(last.event().id(), last.publishedAt(), line, config.replayLookback());
    }

    private static <E> Uni<Optional<Placed>> place(LiveTopic<E> topic, long eventId) {
        return topic.history().find(eventId)
                .map(found -> found.map(stored -> new Placed(topic.describe(stored.event()), stored.publishedAt())));
    }

    private <E> Uni<List<LiveEvent<?>>> missedOf(LiveTopic<E> topic, Actor actor, ResumePoint from) {
        return topic.history().missedBy(actor, from, config.replayLimit() + 1)
                .map(events -> events.stream().<LiveEvent<?>>map(topic::describe).toList());
    }

    private static Uni<Replay> resync(String reason, String detail) {
        return Uni.createFrom().item(new Replay.Resync(reason, detail));
    }

    /** The client's last event, and when it went on the stream (null if it has not yet). */
    private record Placed(LiveEvent<?> event, Instant publishedAt) {
    }
}
