package com.garage.mobile.platform.events;

import com.garage.mobile.domain.chat.ChatEventMessage;
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
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Publishes committed chat events their writer could not (a crash, Redis down), on the same
 * schedule as {@link JobEventRelay}; {@code skip locked} keeps two pods off the same rows.
 */
@ApplicationScoped
public class ChatEventRelay {

    private static final Logger LOG = Logger.getLogger(ChatEventRelay.class);
    private static final String UNPUBLISHED = "select " + ChatEventMessage.COLUMNS + """
             from chat_event where published_at is null and occurred_at < now() - make_interval(secs => $1)
            order by id limit 500 for update skip locked""";

    private final Pool pool;
    private final ChatEventStream stream;
    private final EventBusConfig config;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;

    public ChatEventRelay(Pool pool, ChatEventStream stream, EventBusConfig config, Vertx vertx) {
        this.pool = pool;
        this.stream = stream;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent startup) {
        timer = vertx.setPeriodic(config.relayInterval().toMillis(), tick -> relayOnce().subscribe().with(
                count -> { }, e -> LOG.warnf("Chat relay pass failed: %s", LoggedFailure.describe(e))));
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
                .map(ChatEventStream::events)
                .chain(events -> stream.publishOn(connection, events).replaceWith(events.size()));
    }
}
