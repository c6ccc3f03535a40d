package com.garage.mobile.platform.events;

import com.garage.mobile.domain.event.JobEventMessage;
import com.garage.mobile.platform.problem.LoggedFailure;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Publishes committed events that their writer could not (a crash between commit and publish,
 * Redis down). Every pod runs it; {@code skip locked} keeps two pods off the same rows.
 */
@ApplicationScoped
public class JobEventRelay {

    private static final Logger LOG = Logger.getLogger(JobEventRelay.class);
    private static final String UNPUBLISHED = "select " + JobEventMessage.COLUMNS + """
             from job_event where published_at is null and occurred_at < now() - make_interval(secs => $1)
            order by id limit 500 for update skip locked""";

    private final Pool pool;
    private final JobEventStream stream;
    private final EventBusConfig config;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;

    public JobEventRelay(Pool pool, JobEventStream stream, EventBusConfig config, Vertx vertx) {
        this.pool = pool;
        this.stream = stream;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent startup) {
        timer = vertx.setPeriodic(config.relayInterval().toMillis(), tick -> relayOnce()
                .subscribe().with(count -> { }, e -> LOG.warnf("Relay pass failed: %s", LoggedFailure.describe(e))));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        vertx.cancelTimer(timer);
    }

    /** One pass: publishes what is overdue and says how many events it published. */
    public Uni<Integer> relayOnce() {
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().item(0);
        }
        return pool.withTransaction(this::relayIn).eventually(() -> running.set(false));
    }

    private Uni<Integer> relayIn(SqlConnection connection) {
        double graceSeconds = config.relayGrace().toMillis() / 1000.0;
        return connection.preparedQuery(UNPUBLISHED).execute(Tuple.of(graceSeconds))
                .chain(rows -> {
                    List<JobEventMessage> events = new ArrayList<>();
                    rows.forEach(row -> events.add(JobEventMessage.of(row)));
                    return stream.publishOn(connection, events).replaceWith(events.size());
                })
                .invoke(count -> {
                    if (count > 0) {
                        LOG.infof("Relayed %d job event(s) that had not been published", count);
                    }
                });
    }
}
