package com.garage.mobile.platform.events;

import com.garage.mobile.domain.event.JobEventMessage;
import com.garage.mobile.domain.job.JobEventPublisher;
import com.garage.mobile.platform.problem.LoggedFailure;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.List;
import org.jboss.logging.Logger;

/** Job events (the {@code job_event} table) on their way to every pod. */
@Singleton
public class JobEventStream extends StoredEventStream<JobEventMessage> implements JobEventPublisher {

    private static final Logger LOG = Logger.getLogger(JobEventStream.class);

    private final Instance<LocalCommitListener> listeners;

    public JobEventStream(ReactiveRedisDataSource redis, Pool pool, EventBusConfig config,
            Instance<LocalCommitListener> listeners) {
        super(redis, pool, config, JobEventMessage.class, "job_event", JobEventMessage.COLUMNS, config.stream());
        this.listeners = listeners;
    }

    /**
     * Publishes events already committed; never fails. The payloads they make stale are evicted
     * first, so the writer's next read already sees its write; other pods evict on receipt.
     */
    @Override
    public Uni<Void> publish(List<JobEventMessage> events) {
        return toLocalListeners(events).chain(() -> toStream(events))
                .onFailure().invoke(e -> LOG.warnf("Job events left to the relay: %s", LoggedFailure.describe(e)))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<Void> toLocalListeners(List<JobEventMessage> events) {
        return Multi.createFrom().iterable(listeners)
                .onItem().transformToUniAndConcatenate(listener -> listener.committed(events))
                .collect().last().replaceWithVoid();
    }

    @Override
    protected JobEventMessage read(Row row) {
        return JobEventMessage.of(row);
    }

    @Override
    protected long idOf(JobEventMessage event) {
        return event.id();
    }
}
