package com.garage.mobile.platform.events;

import com.garage.mobile.domain.event.JobEventMessage;
import com.garage.mobile.platform.problem.LoggedFailure;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.stream.ReactiveStreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.XReadArgs;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * This pod's view of the Redis event stream: every job event committed by any pod of either BFF,
 * in stream order. Reading starts after the stream's newest entry at start-up and then resumes
 * from the last entry seen, so neither an idle spell nor a Redis hiccup drops events; what Redis
 * itself lost is replayed from PostgreSQL by the consumers.
 */
@ApplicationScoped
public class JobEventFeed {

    private static final Logger LOG = Logger.getLogger(JobEventFeed.class);

    private final ReactiveRedisDataSource redis;
    private final ReactiveStreamCommands<String, String, JobEventMessage> stream;
    private final EventBusConfig config;
    private final BroadcastProcessor<JobEventMessage> events = BroadcastProcessor.create();
    private final AtomicBoolean running = new AtomicBoolean();
    /**
     * Null until the stream's newest entry at start-up is known. Not "$": a blocking read that
     * times out would then skip whatever is added before the next read starts.
     */
    private volatile String lastId;

    public JobEventFeed(ReactiveRedisDataSource redis, EventBusConfig config) {
        this.redis = redis;
        this.stream = redis.stream(JobEventMessage.class);
        this.config = config;
    }

    /** The events as they arrive on this pod; hot: a subscriber sees what arrives after it subscribed. */
    public Multi<JobEventMessage> events() {
        return events;
    }

    void start(@Observes StartupEvent startup) {
        running.set(true);
        readNext();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running.set(false);
    }

    private void readNext() {
        if (!running.get()) {
            return;
        }
        if (lastId == null) {
            redis.execute("XREVRANGE", config.stream(), "+", "-", "COUNT", "1")
                    .map(newest -> newest == null || newest.size() == 0 ? "0-0" : newest.get(0).get(0).toString())
                    .onFailure().recoverWithUni(failure -> pauseAfter(failure).replaceWith((String) null))
                    .subscribe().with(id -> {
                        lastId = id;
                        readNext();
                    }, e -> readNext());
            return;
        }
        XReadArgs args = new XReadArgs().block(config.readBlock()).count(200);
        stream.xread(config.stream(), lastId, args)
                .onFailure().recoverWithUni(this::pauseAfter)
                .subscribe().with(this::deliver, e -> readNext());
    }

    private void deliver(List<StreamMessage<String, String, JobEventMessage>> batch) {
        if (batch != null) {
            for (StreamMessage<String, String, JobEventMessage> entry : batch) {
                lastId = entry.id();
                JobEventMessage event = entry.payload().get(JobEventStream.FIELD);
                if (event != null) {
                    events.onNext(event);
                }
            }
        }
        readNext();
    }

    private Uni<List<StreamMessage<String, String, JobEventMessage>>> pauseAfter(Throwable failure) {
        if (running.get()) {
            LOG.warnf("Reading job events from Redis failed (%s); retrying", LoggedFailure.describe(failure));
        }
        return Uni.createFrom().<List<StreamMessage<String, String, JobEventMessage>>>nullItem()
                .onItem().delayIt().by(config.retryDelay());
    }
}
