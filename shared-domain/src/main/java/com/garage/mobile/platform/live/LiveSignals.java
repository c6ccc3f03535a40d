package com.garage.mobile.platform.live;

import com.garage.mobile.platform.problem.LoggedFailure;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.quarkus.runtime.StartupEvent;
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
 * Ephemeral signals between pods: Redis pub/sub, not the event stream, so they have no id, are
 * never stored and never replayed; a pod that is away when one is published simply misses it.
 * Each is handed to the {@link LiveSignalHandler} of its kind on every pod.
 */
@ApplicationScoped
public class LiveSignals {

    static final String CHANNEL = "garage:live-signals";
    private static final String THROTTLE = "garage:live-throttle:";
    private static final Logger LOG = Logger.getLogger(LiveSignals.class);

    private final ReactiveRedisDataSource redis;
    private final ReactivePubSubCommands<String> pubsub;
    private final Map<String, LiveSignalHandler> byKind;

    public LiveSignals(ReactiveRedisDataSource redis, Instance<LiveSignalHandler> handlers) {
        this.redis = redis;
        this.pubsub = redis.pubsub(String.class);
        this.byKind = handlers.stream()
                .collect(Collectors.toUnmodifiableMap(LiveSignalHandler::kind, Function.identity()));
    }

    void start(@Observes StartupEvent startup) {
        pubsub.subscribe(CHANNEL)
                .onFailure().invoke(e -> LOG.warnf("Live signals interrupted, subscribing again: %s",
                        LoggedFailure.describe(e)))
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).indefinitely()
                .subscribe().with(this::arrived);
    }

    /** Hands the signal to every pod (this one included). Never fails: a lost signal is only late news. */
    public Uni<Void> publish(String kind, JsonObject signal) {
        return pubsub.publish(CHANNEL, new JsonObject().put("kind", kind).put("signal", signal).encode())
                .onFailure().invoke(e -> LOG.warnf("A %s signal was lost: %s", kind, LoggedFailure.describe(e)))
                .onFailure().recoverWithNull();
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

    private void arrived(String message) {
        try {
            JsonObject envelope = new JsonObject(message);
            LiveSignalHandler handler = byKind.get(envelope.getString("kind"));
            if (handler != null) {
                handler.arrived(envelope.getJsonObject("signal"));
            }
        } catch (RuntimeException e) {
            LOG.warnf("A live signal could not be handed on: %s", e.getClass().getSimpleName());
        }
    }
}
