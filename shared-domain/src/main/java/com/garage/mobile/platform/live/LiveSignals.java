package com.garage.mobile.platform.live;

import com.garage.mobile.platform.events.EventBusConfig;
import com.garage.mobile.platform.events.StreamTail;
import com.garage.mobile.platform.problem.LoggedFailure;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.stream.ReactiveStreamCommands;
import io.quarkus.redis.datasource.stream.XAddArgs;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Ephemeral signals between pods: never stored in PostgreSQL, no event id, never replayed to an app;
 * a pod that is away when one is sent simply misses it. They travel on a short Redis stream of their
 * own rather than pub/sub, because a stream read resumes where it stopped after Redis comes back,
 * where a pub/sub subscription is lost with its connection. Each is handed to the
 * {@link LiveSignalHandler} of its kind on every pod.
 */
@ApplicationScoped
public class LiveSignals {

    static final String STREAM = "garage:live-signals";
    /** Signals are news of the moment: the stream keeps about this many for readers that lag. */
    private static final long KEPT = 1000;
    private static final String THROTTLE = "garage:live-throttle:";
    private static final Logger LOG = Logger.getLogger(LiveSignals.class);

    private final ReactiveRedisDataSource redis;
    private final ReactiveStreamCommands<String, String, LiveSignal> stream;
    private final StreamTail<LiveSignal> tail;
    private final Map<String, LiveSignalHandler> byKind;

    public LiveSignals(ReactiveRedisDataSource redis, EventBusConfig config, Instance<LiveSignalHandler> handlers) {
        this.redis = redis;
        this.stream = redis.stream(LiveSignal.class);
        this.tail = new StreamTail<>(redis, LiveSignal.class, STREAM, config);
        this.byKind = handlers.stream()
                .collect(Collectors.toUnmodifiableMap(LiveSignalHandler::kind, Function.identity()));
    }

    void start(@Observes StartupEvent startup) {
        tail.values().subscribe().with(this::arrived);
        tail.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        tail.stop();
    }

    /** Hands the signal to every pod (this one included). Never fails: a lost signal is only late news. */
    public Uni<Void> publish(String kind, JsonObject signal) {
        XAddArgs trim = new XAddArgs().maxlen(KEPT).nearlyExactTrimming();
        return stream.xadd(STREAM, trim, Map.of(StreamTail.FIELD, new LiveSignal(kind, signal.getMap())))
                .onFailure().invoke(e -> LOG.warnf("A %s signal was lost: %s", kind, LoggedFailure.describe(e)))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /**
     * Whether a signal under this key may go now: the first in each {@code interval} does, across
     * every pod; when Redis cannot say, none does.
     */
    public Uni<Boolean> firstWithin(String key, Duration interval) {
        return redis.execute("SET", THROTTLE + key, "1", "NX", "PX", Long.toString(interval.toMillis()))
                .map(response -> response != null)
                .onFailure().recoverWithItem(false);
    }

    private void arrived(LiveSignal signal) {
        LiveSignalHandler handler = byKind.get(signal.kind());
        if (handler == null) {
            return;
        }
        try {
            handler.arrived(new JsonObject(signal.signal()));
        } catch (RuntimeException e) {
            LOG.warnf("A live signal could not be handed on: %s", e.getClass().getSimpleName());
        }
    }

    /** A signal as it travels: its kind and what its handler reads. */
    // Jackson (de)serialises it for the Redis stream, outside any REST signature that Quarkus registers for native.
    @RegisterForReflection
    public record LiveSignal(String kind, Map<String, Object> signal) {
    }
}
