package com.garage.mobile.platform.events;

import com.garage.mobile.platform.problem.LoggedFailure;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.stream.ReactiveStreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.XReadArgs;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Follows one Redis stream from its newest entry at start, resuming after the last entry seen, and
 * hands each entry's value on as a hot stream of this pod. Idle spells and Redis hiccups drop
 * nothing; what Redis itself lost is read back from PostgreSQL by the consumers.
 *
 * @param <T> the value each entry carries in its {@link #FIELD} field
 */
public final class StreamTail<T> {

    /** The entry field that carries the value, written by Jackson. */
    public static final String FIELD = "event";

    private static final Logger LOG = Logger.getLogger(StreamTail.class);

    private final ReactiveRedisDataSource redis;
    private final ReactiveStreamCommands<String, String, T> stream;
    private final String key;
    private final EventBusConfig config;
    private final BroadcastProcessor<T> values = BroadcastProcessor.create();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile String lastId;

    public StreamTail(ReactiveRedisDataSource redis, Class<T> type, String key, EventBusConfig config) {
        this.redis = redis;
        this.stream = redis.stream(type);
        this.key = key;
        this.config = config;
    }

    public Multi<T> values() {
        return values;
    }

    public void start() {
        running.set(true);
        readNext();
    }

    public void stop() {
        running.set(false);
    }

    private void readNext() {
        if (!running.get()) {
            return;
        }
        if (lastId == null) {
            redis.execute("XREVRANGE", key, "+", "-", "COUNT", "1")
                    .map(newest -> newest == null || newest.size() == 0 ? "0-0" : newest.get(0).get(0).toString())
                    .onFailure().recoverWithUni(failure -> pauseAfter(failure).replaceWith((String) null))
                    .subscribe().with(id -> {
                        lastId = id;
                        readNext();
                    }, e -> readNext());
            return;
        }
        stream.xread(key, lastId, new XReadArgs().block(config.readBlock()).count(200))
                .onFailure().recoverWithUni(this::pauseAfter)
                .subscribe().with(this::deliver, e -> readNext());
    }

    private void deliver(List<StreamMessage<String, String, T>> batch) {
        if (batch != null) {
            for (StreamMessage<String, String, T> entry : batch) {
                lastId = entry.id();
                T value = entry.payload().get(FIELD);
                if (value != null) {
                    values.onNext(value);
                }
            }
        }
        readNext();
    }

    private Uni<List<StreamMessage<String, String, T>>> pauseAfter(Throwable failure) {
        if (running.get()) {
            LOG.warnf("Reading %s from Redis failed (%s); retrying", key, LoggedFailure.describe(failure));
        }
        return Uni.createFrom().<List<StreamMessage<String, String, T>>>nullItem()
                .onItem().delayIt().by(config.retryDelay());
    }
}
