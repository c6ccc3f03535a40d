package com.garage.mobile.platform.payment;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Origin;
import com.garage.mobile.domain.payment.HoldWatch;
import com.garage.mobile.domain.payment.PaymentConfig;
import com.garage.mobile.domain.payment.PaymentLedger;
import com.garage.mobile.domain.payment.PaymentProvider;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.outbox.Outbox;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The scheduled pass that keeps payments true when a webhook is late or lost: it asks the provider
 * about intents stuck in an in-between status, flags holds near their capture deadline to the
 * advisor, and enqueues the capture of holds whose work already started.
 */
@ApplicationScoped
public class PaymentReconciliation {

    static final String JOB = "payment-reconciliation";
    private static final Logger LOG = Logger.getLogger(PaymentReconciliation.class);
    private static final int BATCH = 100;
    private static final String STUCK = """
            select garage_id, provider_intent_id from payment
            where status in ('ACTION_REQUIRED', 'PROCESSING') and provider_intent_id is not null and status_at < $1
            order by status_at limit $2""";
    private static final String NEAR_DEADLINE = """
            select garage_id, id from payment
            where status = 'HELD' and hold_flagged_at is null and capture_before <= $1 order by capture_before limit $2""";
    private static final String WORK_STARTED = """
            select p.id, p.garage_id, p.provider, p.capture_before from payment p join job_card j on j.id = p.job_id
            where p.status = 'HELD' and j.status in ('IN_PROGRESS', 'AWAITING_PARTS', 'QUALITY_CHECK',
                'READY_FOR_PICKUP', 'CLOSED') limit $1""";

    private final Pool pool;
    private final PaymentProvider provider;
    private final PaymentLedger ledger;
    private final HoldWatch holds;
    private final Outbox outbox;
    private final PaymentConfig config;
    private final GarageClock clock;

    public PaymentReconciliation(Pool pool, PaymentProvider provider, PaymentLedger ledger, HoldWatch holds,
            Outbox outbox, PaymentConfig config, GarageClock clock) {
        this.pool = pool;
        this.provider = provider;
        this.ledger = ledger;
        this.holds = holds;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${garage.payments.reconcile-every:5m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledPass() {
        return pass().onFailure().invoke(e -> LOG.warnf("Payment reconciliation failed: %s",
                e.getClass().getSimpleName())).onFailure().recoverWithNull();
    }

    /** One pass; every step is idempotent, so pods running it side by side do no harm. */
    public Uni<Void> pass() {
        Instant now = clock.now();
        Origin origin = Origin.scheduler(JOB, UUID.randomUUID().toString());
        return askAboutStuck(origin, now)
                .chain(() -> flagNearDeadline(origin, now))
                .chain(() -> captureStartedWork(now));
    }

    private Uni<Void> askAboutStuck(Origin origin, Instant now) {
        return rows(STUCK, Tuple.of(now.minus(config.reconcileAfter()).atOffset(ZoneOffset.UTC), BATCH))
                .onItem().transformToUniAndConcatenate(row -> provider.retrieve(row.getString("provider_intent_id"))
                        .chain(intent -> ledger.apply(Actor.system(row.getUUID("garage_id"), origin), intent,
                                clock.now()))
                        .onFailure().invoke(e -> LOG.warnf("Could not reconcile %s: %s",
                                row.getString("provider_intent_id"), e.getClass().getSimpleName()))
                        .onFailure().recoverWithNull())
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> flagNearDeadline(Origin origin, Instant now) {
        return rows(NEAR_DEADLINE, Tuple.of(now.plus(config.holdWarning()).atOffset(ZoneOffset.UTC), BATCH))
                .onItem().transformToUniAndConcatenate(row -> holds.flag(Actor.system(row.getUUID("garage_id"),
                        origin), row.getUUID("id")))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> captureStartedWork(Instant now) {
        return pool.withTransaction(connection -> connection.preparedQuery(WORK_STARTED).execute(Tuple.of(BATCH))
                .chain(found -> {
                    List<Row> held = new ArrayList<>();
                    found.forEach(held::add);
                    return CaptureOnWorkStart.enqueue(connection, held, outbox, now);
                }));
    }

    private Multi<Row> rows(String query, Tuple arguments) {
        return pool.preparedQuery(query).execute(arguments).onItem().transformToMulti(found -> Multi.createFrom()
                .iterable(found));
    }
}
