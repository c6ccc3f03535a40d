package com.garage.mobile.domain.audit;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Chains audit entries after their writes commit, so that no write waits for its garage's chain (docs/security.md,
 * "Audit trail"). Every pod runs a pass now and then; passes of two pods never chain the same garage at once.
 */
@ApplicationScoped
public class AuditSequencer {

    private static final Logger LOG = Logger.getLogger(AuditSequencer.class);

    private final Pool pool;

    public AuditSequencer(Pool pool) {
        this.pool = pool;
    }

    @Scheduled(every = "${garage.audit.chain-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledPass() {
        return chainAll().onFailure().invoke(e -> LOG.warnf("Chaining audit entries failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Chains every garage's pending entries, but a garage that another pass is chaining; says how many. */
    public Uni<Integer> chainAll() {
        return pool.query("select audit_chain_all()").execute().map(AuditSequencer::count);
    }

    /** Chains the garage's pending entries, after any pass that is chaining it; says how many. */
    public Uni<Integer> chain(UUID garageId) {
        return pool.preparedQuery("select audit_chain_garage($1)").execute(Tuple.of(garageId))
                .map(AuditSequencer::count);
    }

    private static int count(RowSet<Row> rows) {
        return rows.iterator().next().getInteger(0);
    }
}
