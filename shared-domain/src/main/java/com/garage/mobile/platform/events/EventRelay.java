package com.garage.mobile.platform.events;

import com.garage.mobile.platform.problem.LoggedFailure;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Follows every {@link StoredEventStream} from start-up to shutdown, and publishes the committed
 * events their writers could not. Every pod runs it.
 */
@ApplicationScoped
public class EventRelay {

    private static final Logger LOG = Logger.getLogger(EventRelay.class);

    private final Instance<StoredEventStream<?>> streams;
    private final Pool pool;
    private final EventBusConfig config;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;

    public EventRelay(@Any Instance<StoredEventStream<?>> streams, Pool pool, EventBusConfig config, Vertx vertx) {
        this.streams = streams;
        this.pool = pool;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent startup) {
        streams.forEach(StoredEventStream::follow);
        timer = vertx.setPeriodic(config.relayInterval().toMillis(), tick -> relayOnce().subscribe().with(count -> { }));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        vertx.cancelTimer(timer);
        streams.forEach(StoredEventStream::unfollow);
    }

    /** One pass over every stream: publishes what is overdue and says how many events it published. */
    public Uni<Integer> relayOnce() {
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().item(0);
        }
        return Multi.createFrom().iterable(streams)
                .onItem().transformToUniAndConcatenate(this::relay)
                .collect().asList().map(counts -> counts.stream().mapToInt(Integer::intValue).sum())
                .eventually(() -> running.set(false));
    }

    private Uni<Integer> relay(StoredEventStream<?> stream) {
        return pool.withTransaction(stream::relayOverdue)
                .invoke(count -> {
                    if (count > 0) {
                        LOG.infof("Relayed %d event(s) of %s that had not been published", count, stream.name());
                    }
                })
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Relay pass over %s failed: %s", stream.name(), LoggedFailure.describe(failure));
                    return 0;
                });
    }
}
