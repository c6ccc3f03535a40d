package com.garage.mobile.platform.live;

import com.garage.mobile.domain.time.GarageClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Puts this pod's arrivals of every topic in order: the events of each line (a job, for the job
 * topic) leave in sequence, once each. An event that arrives ahead of its predecessors (a relayed
 * one, or one Redis lost) waits while the missing ones are read from PostgreSQL; a repeat is
 * dropped. Events of a topic without lines leave as they arrive.
 */
@ApplicationScoped
public class LiveSequencer {

    private static final Logger LOG = Logger.getLogger(LiveSequencer.class);
    /** How far this pod's clock may be ahead of the database's. */
    private static final Duration CLOCK_MARGIN = Duration.ofMinutes(1);

    private final Instance<LiveTopic<?>> topics;
    private final LiveConfig config;
    private final Counter gapsFilled;
    private final BroadcastProcessor<LiveEvent<?>> ordered = BroadcastProcessor.create();
    private final Map<LineKey, Line> lines;
    private final GarageClock clock;
    private volatile Instant readingSince;

    public LiveSequencer(@Any Instance<LiveTopic<?>> topics, LiveConfig config, MeterRegistry metrics,
            GarageClock clock) {
        this.topics = topics;
        this.clock = clock;
        this.readingSince = clock.now();
        this.config = config;
        this.gapsFilled = Counter.builder("garage.live.gaps.filled")
                .description("Runs of live events read from PostgreSQL because the stream skipped them")
                .register(metrics);
        this.lines = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<LineKey, Line> eldest) {
                return size() > config.orderedLines();
            }
        };
    }

    /** Every topic's events, each line in sequence, from any pod; hot, like the arrivals it orders. */
    public Multi<LiveEvent<?>> events() {
        return ordered;
    }

    void start(@Observes StartupEvent startup) {
        // Early rather than late: an event of before the start is at worst sent once more (apps dedupe by id).
        readingSince = clock.now().minus(CLOCK_MARGIN);
        topics.forEach(this::follow);
    }

    private <E> void follow(LiveTopic<E> topic) {
        topic.arrivals().subscribe().with(event -> receive(topic.describe(event)));
    }

    synchronized void receive(LiveEvent<?> event) {
        if (event.line() == null) {
            ordered.onNext(event);
            return;
        }
        LineKey key = new LineKey(event.topic().name(), event.line());
        Line line = lines.get(key);
        if (line == null) {
            line = new Line(event.seq() - 1);
            lines.put(key, line);
            if (event.seq() > 1) {
                findStart(line, event);
            }
        }
        line.waiting.putIfAbsent(event.seq(), event);
        release(line);
    }

    /**
     * A line first seen past its first event: its earlier events may still be on their way (a
     * writer that could not publish leaves them to the relay), so the line starts after the last
     * one that went on the stream before this pod started reading it, and the gap is filled.
     */
    private void findStart(Line line, LiveEvent<?> first) {
        line.filling = true;
        first.lastSeqPublishedBefore(readingSince)
                .subscribe().with(lastSeq -> started(line, lastSeq), failure -> {
                    LOG.warnf("Could not read where %s %s's events start (%s); going on from event %d",
                            first.topic().name(), first.line(), failure.getMessage(), first.seq());
                    started(line, first.seq() - 1);
                });
    }

    private synchronized void started(Line line, long lastSeq) {
        line.lastSeq = lastSeq;
        line.filling = false;
        release(line);
    }

    /** Sends on what is next in line; on a gap, fetches the missing events first. */
    private void release(Line line) {
        while (!line.filling && !line.waiting.isEmpty()) {
            LiveEvent<?> next = line.waiting.firstEntry().getValue();
            if (next.seq() <= line.lastSeq) {
                line.waiting.pollFirstEntry();
            } else if (next.seq() == line.lastSeq + 1) {
                line.waiting.pollFirstEntry();
                line.lastSeq = next.seq();
                ordered.onNext(next);
            } else {
                fill(line, next);
            }
        }
    }

    private void fill(Line line, LiveEvent<?> next) {
        line.filling = true;
        next.predecessorsAfter(line.lastSeq)
                .subscribe().with(missing -> filled(line, next, missing), failure -> {
                    LOG.warnf("Could not read events of %s %s missing from the stream (%s); retrying",
                            next.topic().name(), next.line(), failure.getMessage());
                    retryLater(line);
                });
    }

    private synchronized void filled(Line line, LiveEvent<?> next, List<LiveEvent<?>> missing) {
        gapsFilled.increment();
        missing.forEach(event -> line.waiting.putIfAbsent(event.seq(), event));
        if (!line.waiting.containsKey(line.lastSeq + 1)) {
            // Sequence numbers are taken under the line's row lock, so this means rows were removed by hand.
            LOG.warnf("%s %s has no events %d to %d; going on without them", next.topic().name(), next.line(),
                    line.lastSeq + 1, next.seq() - 1);
            line.lastSeq = next.seq() - 1;
        }
        line.filling = false;
        release(line);
    }

    private void retryLater(Line line) {
        Uni.createFrom().voidItem().onItem().delayIt().by(config.gapRetry())
                .subscribe().with(done -> {
                    synchronized (this) {
                        line.filling = false;
                        release(line);
                    }
                });
    }

    private record LineKey(String topic, Object line) {
    }

    /** One line's place in its sequence, and what arrived ahead of it. */
    private static final class Line {
        private final TreeMap<Long, LiveEvent<?>> waiting = new TreeMap<>();
        private long lastSeq;
        private boolean filling;

        Line(long lastSeq) {
            this.lastSeq = lastSeq;
        }
    }
}
