package com.garage.mobile.domain.analytics;

import com.garage.mobile.domain.time.GarageClock;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Turns the statuses appointments took ({@code appointment_status_change}, noted by a trigger
 * whoever wrote them) into {@link ServerFacts}, stored through the analytics sink, and deletes the
 * notes in the pass's transaction: the facts may be visible a moment before the notes are gone, and
 * a pass retried after a failed delete stores nothing twice (a fact's id comes from its note's). Each
 * pass locks the notes it takes ({@code skip locked}), so pods never take the same one, and a note
 * committed late is simply taken by a later pass.
 */
@ApplicationScoped
public class AppointmentFactsFeed {

    private static final Logger LOG = Logger.getLogger(AppointmentFactsFeed.class);
    private static final int PAGE = 500;

    private final Pool pool;
    private final AnalyticsSink sink;
    private final GarageClock clock;
    private final ServerFacts facts;

    public AppointmentFactsFeed(Pool pool, AnalyticsSink sink, GarageClock clock, AnalyticsConfig config) {
        this.pool = pool;
        this.sink = sink;
        this.clock = clock;
        this.facts = new ServerFacts(new UserKeys(config.userKeySecret()));
    }

    @Scheduled(every = "${garage.analytics.facts-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledPass() {
        return pass().onFailure().invoke(e -> LOG.warnf("Appointment facts pass failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One page of status notes; answers how many it took. */
    public Uni<Integer> pass() {
        return pool.withTransaction(connection -> connection
                .query("select id, garage_id, appointment_id, customer_id, status, occurred_at"
                        + " from appointment_status_change order by id limit " + PAGE + " for update skip locked")
                .execute()
                .chain(rows -> {
                    List<AppointmentStatusNote> notes = new ArrayList<>();
                    for (Row row : rows) {
                        notes.add(new AppointmentStatusNote(row.getLong("id"), row.getUUID("garage_id"),
                                row.getUUID("appointment_id"), row.getUUID("customer_id"), row.getString("status"),
                                row.getOffsetDateTime("occurred_at").toInstant()));
                    }
                    return notes.isEmpty() ? Uni.createFrom().item(0) : take(connection, notes);
                }));
    }

    private Uni<Integer> take(SqlConnection connection, List<AppointmentStatusNote> notes) {
        var now = clock.now();
        List<AnalyticsEvent> stored = notes.stream().flatMap(note -> facts.of(note, now).stream()).toList();
        Long[] ids = notes.stream().map(AppointmentStatusNote::id).toArray(Long[]::new);
        return sink.store(stored)
                .chain(() -> connection.preparedQuery("delete from appointment_status_change where id = any($1)")
                        .execute(Tuple.tuple().addArrayOfLong(ids)))
                .replaceWith(notes.size());
    }
}
