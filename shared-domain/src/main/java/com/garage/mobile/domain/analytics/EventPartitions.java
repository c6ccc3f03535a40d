package com.garage.mobile.domain.analytics;

import com.garage.mobile.domain.time.GarageClock;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Keeps the day partitions of {@code analytics_event}: creates the next days' ahead of time, drops
 * those past the retention, and forgets event ids past the dedupe period. Runs at start and every
 * hour in every pod, never failing a start; the SQL function is idempotent, so pods running it
 * together do no harm.
 */
@ApplicationScoped
public class EventPartitions {

    private static final Logger LOG = Logger.getLogger(EventPartitions.class);

    private final Pool pool;
    private final GarageClock clock;
    private final AnalyticsConfig config;

    public EventPartitions(Pool pool, GarageClock clock, AnalyticsConfig config) {
        this.pool = pool;
        this.clock = clock;
        this.config = config;
    }

    void atStart(@Observes StartupEvent start) {
        // Not awaited: a pod starts before the migration job has made the schema (docs/deploy.md); the
        // migration makes the first days' partitions, and this pass only keeps them ahead.
        hourly().subscribe().with(done -> { });
    }

    @Scheduled(every = "1h", delayed = "1h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> hourly() {
        return maintain().onFailure().invoke(e -> LOG.warnf("Analytics partition maintenance failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One pass: partitions ahead, old ones dropped, old ids forgotten; answers how many partitions were dropped. */
    public Uni<Integer> maintain() {
        Instant now = clock.now();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        int keepDays = (int) config.retention().toDays();
        return pool.preparedQuery("select analytics_maintain_partitions($1, $2, $3) as dropped")
                .execute(Tuple.of(today, config.partitionsAhead(), keepDays))
                .map(rows -> rows.iterator().next().getInteger("dropped"))
                .call(() -> pool.preparedQuery("delete from analytics_event_id where seen_at < $1")
                        .execute(Tuple.of(now.minus(config.dedupeFor()).atOffset(ZoneOffset.UTC))));
    }
}
