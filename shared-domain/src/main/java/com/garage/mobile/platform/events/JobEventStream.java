package com.garage.mobile.platform.events;

import com.garage.mobile.domain.event.JobEventMessage;
import com.garage.mobile.domain.job.JobEventPublisher;
import com.garage.mobile.platform.problem.LoggedFailure;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.stream.ReactiveStreamCommands;
import io.quarkus.redis.datasource.stream.XAddArgs;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Publishes committed job events on the Redis stream that every pod reads, and marks them
 * published in the outbox. If Redis is unreachable the events stay unpublished and the
 * {@link JobEventRelay} publishes them later: a change never fails because Redis did.
 */
@ApplicationScoped
public class JobEventStream implements JobEventPublisher {

    static final String FIELD = "event";
    private static final Logger LOG = Logger.getLogger(JobEventStream.class);
    private static final String MARK_PUBLISHED =
            "update job_event set published_at = now() where id = any($1) and published_at is null";

    private final ReactiveStreamCommands<String, String, JobEventMessage> stream;
    private final Pool pool;
    private final EventBusConfig config;
    private final Instance<LocalCommitListener> listeners;

    public JobEventStream(ReactiveRedisDataSource redis, Pool pool, EventBusConfig config,
            Instance<LocalCommitListener> listeners) {
        this.stream = redis.stream(JobEventMessage.class);
        this.pool = pool;
        this.config = config;
        this.listeners = listeners;
    }

    /**
     * Publishes events already committed; never fails. The payloads they make stale are evicted
     * first, so the writer's next read already sees its write; other pods evict on receipt.
     */
    @Override
    public Uni<Void> publish(List<JobEventMessage> events) {
        return toLocalListeners(events).chain(() -> publishOn(pool, events))
                .onFailure().invoke(e -> LOG.warnf("Job events left to the relay: %s",
                        LoggedFailure.describe(e)))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<Void> toLocalListeners(List<JobEventMessage> events) {
        return Multi.createFrom().iterable(listeners)
                .onItem().transformToUniAndConcatenate(listener -> listener.committed(events))
                .collect().last().replaceWithVoid();
    }

    /** Publishes events in order and marks them published through the given client. */
    Uni<Void> publishOn(SqlClient client, List<JobEventMessage> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        XAddArgs trim = new XAddArgs().maxlen(config.streamLength()).nearlyExactTrimming();
        return Multi.createFrom().iterable(events)
                .onItem().transformToUniAndConcatenate(event -> stream.xadd(config.stream(), trim, Map.of(FIELD, event)))
                .collect().last()
                .chain(() -> client.preparedQuery(MARK_PUBLISHED)
                        .execute(Tuple.of(events.stream().map(JobEventMessage::id).toArray(Long[]::new))))
                .replaceWithVoid();
    }
}
