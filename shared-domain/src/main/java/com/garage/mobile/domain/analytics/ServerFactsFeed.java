package com.garage.mobile.domain.analytics;

import com.garage.mobile.domain.event.JobEventMessage;
import com.garage.mobile.domain.time.GarageClock;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Reads committed job events in id order after the cursor in {@code analytics_feed_cursor} and
 * stores their {@link ServerFacts}. Reading the table rather than the live stream loses nothing
 * when Redis or a pod is down. A job event is read once it has settled
 * ({@link AnalyticsConfig#factsSettle()} after the database recorded it, on the database's clock), so
 * a transaction that took a lower id but committed later is not skipped, and no pod's clock can hold
 * the feed up; the cursor row is locked ({@code skip locked}), so one pod reads at a time.
 */
@ApplicationScoped
public class ServerFactsFeed {

    private static final Logger LOG = Logger.getLogger(ServerFactsFeed.class);
    private static final int PAGE = 500;

    private final Pool pool;
    private final AnalyticsSink sink;
    private final GarageClock clock;
    private final AnalyticsConfig config;
    private final ServerFacts facts;

    public ServerFactsFeed(Pool pool, AnalyticsSink sink, GarageClock clock, AnalyticsConfig config) {
        this.pool = pool;
        this.sink = sink;
        this.clock = clock;
        this.config = config;
        this.facts = new ServerFacts(new UserKeys(config.userKeySecret()));
    }

    @Scheduled(every = "${garage.analytics.facts-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledPass() {
        return pass().onFailure().invoke(e -> LOG.warnf("Analytics facts pass failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One page of settled job events; answers how many job events it read. */
    public Uni<Integer> pass() {
        Instant now = clock.now();
        return pool.withTransaction(connection -> connection
                .query("select last_id from analytics_feed_cursor where name = 'job_event' for update skip locked")
                .execute()
                .chain(cursor -> cursor.size() == 0 ? Uni.createFrom().item(0)
                        : read(connection, cursor.iterator().next().getLong("last_id"), now)));
    }

    private Uni<Integer> read(SqlConnection connection, long after, Instant now) {
        return connection.preparedQuery("select " + JobEventMessage.COLUMNS
                        + ", recorded_at <= clock_timestamp() - make_interval(secs => $2) as settled"
                        + " from job_event where id > $1 order by id limit " + PAGE)
                .execute(Tuple.of(after, (double) config.factsSettle().toMillis() / 1000))
                .map(rows -> {
                    List<JobEventMessage> ready = new ArrayList<>();
                    for (Row row : rows) {
                        if (!row.getBoolean("settled")) {
                            break;
                        }
                        ready.add(JobEventMessage.of(row));
                    }
                    return ready;
                })
                .chain(ready -> ready.isEmpty() ? Uni.createFrom().item(0) : store(connection, ready, now));
    }

    private Uni<Integer> store(SqlConnection connection, List<JobEventMessage> events, Instant now) {
        List<AnalyticsEvent> stored = events.stream().flatMap(event -> facts.of(event, now).stream()).toList();
        long last = events.get(events.size() - 1).id();
        return sink.store(stored)
                .chain(() -> connection.preparedQuery("update analytics_feed_cursor set last_id = $1 where name = 'job_event'")
                        .execute(Tuple.of(last)))
                .replaceWith(events.size());
    }
}
