package com.garage.mobile.platform.notification.pipeline;

import com.garage.mobile.domain.notification.JobContext;
import com.garage.mobile.domain.notification.JobEventRow;
import com.garage.mobile.domain.notification.JobEventRules;
import com.garage.mobile.domain.notification.NotificationConfig;
import com.garage.mobile.domain.notification.SqlTime;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.events.JobEventStream;
import com.garage.mobile.platform.outbox.OutboxDispatcher;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Turns committed job events into outbox rows, exactly once across every pod: each event waits in
 * {@code notification_pending_event} (filled by the event's own transaction) and is claimed with
 * {@code skip locked}, decided and marked in one transaction. A crash rolls the claim back and
 * another pass takes the event again; the outbox's unique (notification, device) key keeps a
 * second decision from writing a second row. The live job events only wake the decider early.
 */
@ApplicationScoped
public class NotificationDecider {

    private static final Logger LOG = Logger.getLogger(NotificationDecider.class);
    private static final String CLAIM = """
            select e.id, e.job_id, e.type, e.customer_visible, e.payload, e.actor_subject
            from notification_pending_event p join job_event e on e.id = p.job_event_id
            where p.decided_at is null and p.next_attempt_at <= $1 and p.attempts < $2
            order by p.job_event_id limit 1
            for update of p skip locked""";
    private static final String DECIDED = """
            update notification_pending_event set decided_at = $2, attempts = attempts + 1, last_error = null
            where job_event_id = $1""";
    private static final String FAILED = """
            update notification_pending_event set attempts = attempts + 1, last_error = $2, next_attempt_at = $3
            where job_event_id = $1""";
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(30);

    private final Pool pool;
    private final JobEventRules rules;
    private final OutboxWriter outbox;
    private final GarageClock clock;
    private final NotificationConfig config;
    private final OutboxDispatcher dispatcher;
    private final JobEventStream events;
    private final AtomicBoolean running = new AtomicBoolean();

    public NotificationDecider(Pool pool, JobEventRules rules, OutboxWriter outbox, GarageClock clock,
            NotificationConfig config, OutboxDispatcher dispatcher, JobEventStream events) {
        this.pool = pool;
        this.rules = rules;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
        this.dispatcher = dispatcher;
        this.events = events;
    }

    void wakeOnEvents(@Observes StartupEvent startup) {
        events.arrivals().subscribe().with(event -> decideSoon(), failure -> LOG.warnf("Job event arrivals ended: %s",
                failure.getMessage()));
    }

    @Scheduled(every = "${garage.notifications.decision.interval:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledPass() {
        return decideOnce().onFailure().invoke(e -> LOG.warnf("Notification pass failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One pass: decides up to a batch of waiting events; says how many it decided. */
    public Uni<Integer> decideOnce() {
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().item(0);
        }
        AtomicLong decided = new AtomicLong();
        return Multi.createBy().repeating().uni(this::decideNext).whilst(found -> found)
                .filter(found -> found)
                .select().first(config.decision().batchSize())
                .onItem().invoke(found -> decided.incrementAndGet())
                .collect().last()
                .eventually(() -> running.set(false))
                .invoke(() -> {
                    if (decided.get() > 0) {
                        dispatcher.dispatchSoon();
                    }
                })
                .map(ignored -> (int) decided.get());
    }

    private void decideSoon() {
        decideOnce().subscribe().with(count -> { }, e -> LOG.warnf("Notification decision failed: %s", e.getMessage()));
    }

    /** Claims and decides the next waiting event; false when none is waiting. */
    private Uni<Boolean> decideNext() {
        Instant now = clock.now();
        AtomicLong claimed = new AtomicLong(-1);
        return pool.withTransaction(connection -> connection.preparedQuery(CLAIM)
                        .execute(Tuple.of(SqlTime.at(now), config.decision().maxAttempts()))
                        .chain(rows -> {
                            if (rows.size() == 0) {
                                return Uni.createFrom().item(false);
                            }
                            JobEventRow event = event(rows.iterator().next());
                            claimed.set(event.id());
                            return decide(connection, event, now)
                                    .chain(() -> connection.preparedQuery(DECIDED)
                                            .execute(Tuple.of(event.id(), SqlTime.at(now))))
                                    .replaceWith(true);
                        }))
                .onFailure().recoverWithUni(failure -> claimed.get() < 0
                        ? Uni.createFrom().failure(failure)
                        : failed(claimed.get(), failure, now));
    }

    private Uni<Void> decide(SqlConnection connection, JobEventRow event, Instant now) {
        return connection.preparedQuery(JobContext.QUERY).execute(Tuple.of(event.jobId()))
                .map(RowSet::iterator)
                .map(rows -> rules.plan(event, JobContext.of(rows.next()), now))
                .chain(planned -> Multi.createFrom().iterable(planned)
                        .onItem().transformToUniAndConcatenate(notification -> outbox.write(connection, notification, now))
                        .collect().asList())
                .replaceWithVoid();
    }

    private Uni<Boolean> failed(long eventId, Throwable failure, Instant now) {
        LOG.warnf("Deciding notifications of job event %d failed (will retry): %s", eventId, failure.getMessage());
        return pool.preparedQuery(FAILED)
                .execute(Tuple.of(eventId, String.valueOf(failure.getMessage()), SqlTime.at(now.plus(RETRY_AFTER_FAILURE))))
                .replaceWith(true);
    }

    private static JobEventRow event(Row row) {
        return new JobEventRow(row.getLong("id"), row.getUUID("job_id"), row.getString("type"),
                row.getBoolean("customer_visible"), row.getJsonObject("payload"), row.getString("actor_subject"));
    }
}
