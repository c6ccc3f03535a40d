package com.garage.mobile.platform.live;

import com.garage.mobile.domain.time.GarageClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** What operators watch of live updates on this pod (Prometheus names {@code garage_live_*}). */
@ApplicationScoped
public class LiveMetrics {

    private final MeterRegistry registry;
    private final Counter delivered;
    private final Counter replayedEvents;
    private final Timer lag;
    private final GarageClock clock;

    public LiveMetrics(MeterRegistry registry, GarageClock clock) {
        this.clock = clock;
        this.registry = registry;
        this.delivered = Counter.builder("garage.live.events.delivered")
                .description("Live events of every topic handed to connections").register(registry);
        this.replayedEvents = Counter.builder("garage.live.events.replayed")
                .description("Missed events of every topic replayed to reconnecting clients").register(registry);
        this.lag = Timer.builder("garage.live.delivery.lag")
                .description("From the time set on an event in its transaction to its hand-over to a connection")
                .publishPercentiles(0.5, 0.99)
                // Buckets as well: the percentiles cover a rolling window of this pod only, buckets add up
                // over pods and over any interval (what a bench or a dashboard measures).
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10)).register(registry);
    }

    void connections(Supplier<Number> open) {
        Gauge.builder("garage.live.connections", open, supplier -> supplier.get().doubleValue())
                .description("Open live connections on this pod").strongReference(true).register(registry);
    }

    void delivered(Instant occurredAt) {
        delivered.increment();
        lag.record(Duration.between(occurredAt, clock.now()));
    }

    /** A reconnect that resumed: how it ended, and how many events it replayed. */
    void resumed(Replay replay) {
        if (replay instanceof Replay.Missed missed) {
            replayedEvents.increment(missed.events().size());
        }
        registry.counter("garage.live.replays", "outcome", replay instanceof Replay.Missed ? "replayed" : "resync")
                .increment();
    }

    void closed(String reason) {
        registry.counter("garage.live.closed", "reason", reason).increment();
    }
}
