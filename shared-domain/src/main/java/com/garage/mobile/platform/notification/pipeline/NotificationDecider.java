package com.garage.mobile.platform.notification.pipeline;

import com.garage.mobile.domain.notification.JobContext;
import com.garage.mobile.domain.notification.JobEventRow;
import com.garage.mobile.domain.notification.JobEventRules;
import com.garage.mobile.domain.notification.NotificationConfig;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.events.JobEventStream;
import com.garage.mobile.platform.outbox.OutboxDispatcher;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.stream.Collectors;
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
            order by p.job_event_id limit $3
            for update of p skip locked""";

    private final JobEventRules rules;
    private final OutboxWriter outbox;
    private final JobEventStream events;
    private final PendingDecisions pending;

    public NotificationDecider(Pool pool, JobEventRules rules, OutboxWriter outbox, GarageClock clock,
            NotificationConfig config, OutboxDispatcher dispatcher, JobEventStream events, Vertx vertx) {
        this.rules = rules;
        this.outbox = outbox;
        this.events = events;
        this.pending = new PendingDecisions("notifications", "notification_pending_event", "job_event_id", CLAIM,
                (connection, row, now) -> decide(connection, event(row), now), pool, clock, config, dispatcher,
                vertx);
    }

    void wakeOnEvents(@Observes StartupEvent startup) {
        events.arrivals().subscribe().with(event -> pending.soon(), failure -> LOG.warnf("Job event arrivals ended: %s",
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
        return pending.once();
    }

    private Uni<Integer> decide(SqlConnection connection, JobEventRow event, Instant now) {
        return connection.preparedQuery(JobContext.QUERY).execute(Tuple.of(event.jobId()))
                .map(RowSet::iterator)
                .map(rows -> rules.plan(event, JobContext.of(rows.next()), now))
                .chain(planned -> Multi.createFrom().iterable(planned)
                        .onItem().transformToUniAndConcatenate(notification -> outbox.write(connection, notification, now))
                        .collect().with(Collectors.summingInt(Integer::intValue)));
    }

    private static JobEventRow event(Row row) {
        return new JobEventRow(row.getLong("id"), row.getUUID("job_id"), row.getString("type"),
                row.getBoolean("customer_visible"), row.getJsonObject("payload"), row.getString("actor_subject"));
    }
}
