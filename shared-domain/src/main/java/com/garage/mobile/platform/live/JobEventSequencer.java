package com.garage.mobile.platform.live;

import com.garage.mobile.domain.time.GarageClock;

import com.garage.mobile.platform.events.JobEventFeed;
import com.garage.mobile.domain.event.JobEventMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Puts this pod's stream of job events in order: each job's events leave in sequence, once each.
 * An event that arrives ahead of its predecessors (a relayed one, or one Redis lost) waits while
 * the missing ones are read from PostgreSQL; a repeat is dropped.
 */
@ApplicationScoped
public class JobEventSequencer {

    private static final Logger LOG = Logger.getLogger(JobEventSequencer.class);
    /** How far this pod's clock may be ahead of the database's. */
    private static final Duration CLOCK_MARGIN = Duration.ofMinutes(1);

    private final JobEventFeed feed;
    private final JobEventHistory history;
    private final LiveConfig config;
    private final Counter gapsFilled;
    private final BroadcastProcessor<JobEventMessage> ordered = BroadcastProcessor.create();
    private final Map<UUID, JobLine> jobs;
    private final GarageClock clock;
    private volatile Instant readingSince;

    public JobEventSequencer(JobEventFeed feed, JobEventHistory history, LiveConfig config, MeterRegistry metrics,
            GarageClock clock) {
        this.clock = clock;
        this.readingSince = clock.now();
        this.feed = feed;
        this.history = history;
        this.config = config;
        this.gapsFilled = Counter.builder("garage.live.gaps.filled")
                .description("Runs of job events read from PostgreSQL because the stream skipped them")
                .register(metrics);
        this.jobs = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, JobLine> eldest) {
                return size() > config.orderedJobs();
            }
        };
    }

    /** Every job's events in sequence, from any pod; hot, like the feed it orders. */
    public Multi<JobEventMessage> events() {
        return ordered;
    }

    void start(@Observes StartupEvent startup) {
        // Early rather than late: an event of before the start is at worst sent once more (apps dedupe by id).
        readingSince = clock.now().minus(CLOCK_MARGIN);
        feed.events().subscribe().with(this::receive);
    }

    synchronized void receive(JobEventMessage event) {
        JobLine line = jobs.get(event.jobId());
        if (line == null) {
            line = new JobLine(event.seq() - 1);
            jobs.put(event.jobId(), line);
            if (event.seq() > 1) {
                findStart(line, event);
            }
        }
        line.waiting.putIfAbsent(event.seq(), event);
        release(line);
    }

    /**
     * A job first seen past its first event: its earlier events may still be on their way (a
     * writer that could not publish leaves them to the relay), so its line starts after the last
     * one that went on the stream before this pod started reading it, and the gap is filled.
     */
    private void findStart(JobLine line, JobEventMessage first) {
        line.filling = true;
        history.lastSeqPublishedBefore(first.jobId(), first.seq(), readingSince)
                .subscribe().with(lastSeq -> started(line, lastSeq), failure -> {
                    LOG.warnf("Could not read where job %s's events start (%s); going on from event %d",
                            first.jobId(), failure.getMessage(), first.seq());
                    started(line, first.seq() - 1);
                });
    }

    private synchronized void started(JobLine line, int lastSeq) {
        line.lastSeq = lastSeq;
        line.filling = false;
        release(line);
    }

    /** Sends on what is next in line; on a gap, fetches the missing events first. */
    private void release(JobLine line) {
        while (!line.filling && !line.waiting.isEmpty()) {
            JobEventMessage next = line.waiting.firstEntry().getValue();
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

    private void fill(JobLine line, JobEventMessage next) {
        line.filling = true;
        history.between(next.jobId(), line.lastSeq, next.seq())
                .subscribe().with(missing -> filled(line, next, missing), failure -> {
                    LOG.warnf("Could not read events of job %s missing from the stream (%s); retrying",
                            next.jobId(), failure.getMessage());
                    retryLater(line);
                });
    }

    private synchronized void filled(JobLine line, JobEventMessage next, List<JobEventMessage> missing) {
        gapsFilled.increment();
        missing.forEach(event -> line.waiting.putIfAbsent(event.seq(), event));
        if (!line.waiting.containsKey(line.lastSeq + 1)) {
            // Sequence numbers are taken under the job's row lock, so this means rows were removed by hand.
            LOG.warnf("Job %s has no events %d to %d; going on without them", next.jobId(), line.lastSeq + 1,
                    next.seq() - 1);
            line.lastSeq = next.seq() - 1;
        }
        line.filling = false;
        release(line);
    }

    private void retryLater(JobLine line) {
        Uni.createFrom().voidItem().onItem().delayIt().by(config.gapRetry())
                .subscribe().with(done -> {
                    synchronized (this) {
                        line.filling = false;
                        release(line);
                    }
                });
    }

    /** One job's place in its sequence, and what arrived ahead of it. */
    private static final class JobLine {
        private final TreeMap<Integer, JobEventMessage> waiting = new TreeMap<>();
        private int lastSeq;
        private boolean filling;

        JobLine(int lastSeq) {
            this.lastSeq = lastSeq;
        }
    }
}
