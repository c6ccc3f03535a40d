package com.garage.mobile.platform.sync;

import com.garage.mobile.domain.notification.SqlTime;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.database.Housekeeping;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlResult;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Keeps the change log from growing for ever: a change older than the cursor retention (and a day more, so that a
 * transaction that began before a cursor was issued and committed after it is not lost to that cursor) can only be
 * read by cursors refused as too old. Of those changes each record keeps its latest, which holds its rev: a first
 * sync still lists the record at the same rev, and the apps' checksums do not move.
 */
@ApplicationScoped
public class ChangeLogPruning {

    private static final Logger LOG = Logger.getLogger(ChangeLogPruning.class);
    private static final Duration LONGEST_TRANSACTION = Duration.ofDays(1);
    private static final String PRUNE = """
            delete from sync_change c where c.changed_at < $1
              and exists (select 1 from sync_change later where later.entity_id = c.entity_id
                          and later.entity_type = c.entity_type and later.seq > c.seq and later.changed_at < $1)""";

    private final Pool pool;
    private final GarageClock clock;
    private final SyncConfig config;

    public ChangeLogPruning(Pool pool, GarageClock clock, SyncConfig config) {
        this.pool = pool;
        this.clock = clock;
        this.config = config;
    }

    @Scheduled(every = "${garage.sync.prune-every:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledPrune() {
        return Housekeeping.reported(prune(), LOG, "Pruning the change log");
    }

    /** Deletes the changes no cursor still in use can read, but each record's latest; says how many. */
    public Uni<Integer> prune() {
        var before = SqlTime.at(clock.now().minus(config.cursorRetention()).minus(LONGEST_TRANSACTION));
        return pool.preparedQuery(PRUNE).execute(Tuple.of(before)).map(SqlResult::rowCount);
    }
}
