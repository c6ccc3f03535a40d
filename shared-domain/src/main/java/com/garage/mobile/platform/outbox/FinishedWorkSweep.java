package com.garage.mobile.platform.outbox;

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
import java.time.Instant;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Deletes finished items of the kinds that keep them only for a while ({@link OutboundHandler#keepFinished}), on
 * each pod for the kinds it handles. Work still to do, dead work and work that was ever a dead letter stay.
 */
@ApplicationScoped
public class FinishedWorkSweep {

    private static final Logger LOG = Logger.getLogger(FinishedWorkSweep.class);
    private static final String FORGET = """
            delete from outbound_work w
            where w.kind = $1 and w.status in ('DELIVERED', 'DROPPED', 'EXPIRED') and w.done_at < $2
              and not exists (select 1 from outbound_dead_letter l where l.work_id = w.id)""";

    private final Pool pool;
    private final OutboundHandlers handlers;
    private final GarageClock clock;

    public FinishedWorkSweep(Pool pool, OutboundHandlers handlers, GarageClock clock) {
        this.pool = pool;
        this.handlers = handlers;
        this.clock = clock;
    }

    @Scheduled(every = "${garage.outbox.sweep-every:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledSweep() {
        return Housekeeping.reported(sweep(), LOG, "Deleting finished outbound work");
    }

    /** Deletes the finished items past their kind's retention; says how many. */
    public Uni<Integer> sweep() {
        Instant now = clock.now();
        return Multi.createFrom().iterable(handlers.all())
                .flatMap(handler -> Multi.createFrom().optional(handler.keepFinished()
                        .map(keep -> Tuple.of(handler.kind(), SqlTime.at(now.minus(keep))))))
                .onItem().transformToUniAndConcatenate(kindAndBefore -> pool.preparedQuery(FORGET)
                        .execute(kindAndBefore).map(SqlResult::rowCount))
                .collect().with(Collectors.summingInt(Integer::intValue));
    }
}
