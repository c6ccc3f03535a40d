package com.garage.mobile.platform.notification.pipeline;

import com.garage.mobile.domain.notification.NotificationConfig;
import com.garage.mobile.domain.notification.SqlTime;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.database.Housekeeping;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlResult;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Forgets the waiting rows of events whose notifications were decided longer ago than the retention: a decided row
 * is never claimed again and what was sent lives in the outbox, so the row only tells support when the decision was
 * made. Rows still undecided, those left for an operator among them, stay.
 */
@ApplicationScoped
public class DecidedEventSweep {

    private static final Logger LOG = Logger.getLogger(DecidedEventSweep.class);
    private static final List<String> FORGET = List.of(
            "delete from notification_pending_event where decided_at < $1",
            "delete from chat_push_pending where decided_at < $1");

    private final Pool pool;
    private final GarageClock clock;
    private final NotificationConfig config;

    public DecidedEventSweep(Pool pool, GarageClock clock, NotificationConfig config) {
        this.pool = pool;
        this.clock = clock;
        this.config = config;
    }

    @Scheduled(every = "${garage.notifications.decision.sweep-every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledSweep() {
        return Housekeeping.reported(sweep(), LOG, "Forgetting decided events");
    }

    /** Deletes the rows of events decided before the retention; says how many. */
    public Uni<Integer> sweep() {
        Tuple before = Tuple.of(SqlTime.at(clock.now().minus(config.decision().retention())));
        return Multi.createFrom().iterable(FORGET)
                .onItem().transformToUniAndConcatenate(forget -> pool.preparedQuery(forget).execute(before)
                        .map(SqlResult::rowCount))
                .collect().with(Collectors.summingInt(Integer::intValue));
    }
}
