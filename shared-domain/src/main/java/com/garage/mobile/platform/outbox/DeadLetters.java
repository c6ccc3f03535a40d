package com.garage.mobile.platform.outbox;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.audit.AuditedAction;
import com.garage.mobile.domain.notification.SqlTime;
import com.garage.mobile.domain.paging.Page;
import com.garage.mobile.domain.paging.PageCursor;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.time.GarageClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The garage's dead letters of outbound work: listed for its admins, and replayed on their word. */
@ApplicationScoped
public class DeadLetters {

    private static final String RESOURCE = "outbound-dead-letter";
    /** The audit action's prefix when no kind was asked for and the dead letter is not found. */
    private static final String ANY_KIND = "outbox";
    // Read through the SQL client: each native select through Hibernate Reactive 3.2 adds a query plan to its cache.
    private static final String SELECT = """
            select l.id, l.work_id, l.kind, w.payload, l.reason, l.attempts, l.dead_at, l.replayed_at, l.replayed_by
            from outbound_dead_letter l
            join outbound_work w on w.id = l.work_id
            where l.garage_id = $1""";
    private static final String ONE = " and l.id = $2";
    private static final String OF_KIND = " and l.kind = $%d";
    private static final String AFTER = " and (l.dead_at < $%1$d or (l.dead_at = $%1$d and l.id < $%2$d))";
    private static final String NEWEST_FIRST = " order by l.dead_at desc, l.id desc limit $%d";
    private static final String REPLAY_LETTER = """
            update outbound_dead_letter set replayed_at = :now, replayed_by = :subject
            where garage_id = :garage and id = :id and replayed_at is null""";
    private static final String KIND_OF = "select kind from outbound_dead_letter where garage_id = $1 and id = $2";
    private static final String REPLAY_WORK = """
            update outbound_work set status = 'PENDING', attempts = 0, next_attempt_at = :due,
                expires_at = cast(:due as timestamptz) + make_interval(secs => ttl_seconds), last_error = null,
                lease_until = null, done_at = null
            where id = (select work_id from outbound_dead_letter where id = :id) and status = 'DEAD'""";

    private final OutboundHandlers handlers;
    private final AuditTrail audit;
    private final AuditedAction audited;
    private final GarageClock clock;
    private final Pool pool;

    public DeadLetters(OutboundHandlers handlers, AuditTrail audit, AuditedAction audited, GarageClock clock,
            Pool pool) {
        this.handlers = handlers;
        this.audit = audit;
        this.audited = audited;
        this.clock = clock;
        this.pool = pool;
    }

    /** The audit action of replaying a dead letter of the kind, e.g. {@code notification.replay-dead-letter}. */
    public static String replayAction(String kind) {
        return kind + ".replay-dead-letter";
    }

    /** The admin's garage's dead letters, of one kind or (kind null) of every kind, newest first. */
    public Uni<Page<DeadLetter>> page(Actor admin, String kind, PageCursor after, int limit) {
        StringBuilder sql = new StringBuilder(SELECT);
        Tuple values = Tuple.of(admin.garageId());
        if (kind != null) {
            values.addString(kind);
            sql.append(OF_KIND.formatted(values.size()));
        }
        if (after != null) {
            values.addOffsetDateTime(SqlTime.at(after.sortKey())).addUUID(after.id());
            sql.append(AFTER.formatted(values.size() - 1, values.size()));
        }
        values.addInteger(limit + 1);
        sql.append(NEWEST_FIRST.formatted(values.size()));
        return pool.preparedQuery(sql.toString()).execute(values)
                .map(rows -> Page.of(views(rows), limit, letter -> new PageCursor(letter.deadAt(), letter.id()),
                        letter -> letter));
    }

    /**
     * Does the work again from scratch: attempts reset, a fresh time to live. The handler checks
     * again whatever it checks (consent, a device) when the work is done. {@code kind} (null for
     * any) limits which dead letters this call may replay; the audit names the letter's own kind.
     */
    public Uni<DeadLetter> replay(Actor admin, String kind, UUID id) {
        return kindOf(admin, id).chain(found -> {
            Optional<String> replayable = found.filter(letterKind -> kind == null || kind.equals(letterKind));
            String action = replayAction(kind != null ? kind : found.orElse(ANY_KIND));
            return audited.run(admin, action, RESOURCE, id, () -> replayable
                    .map(letterKind -> replayInTransaction(admin, letterKind, id).chain(() -> one(admin, id)))
                    .orElseGet(() -> Uni.createFrom().failure(ProblemException.notFound("Dead letter"))));
        });
    }

    private Uni<Optional<String>> kindOf(Actor admin, UUID id) {
        return pool.preparedQuery(KIND_OF).execute(Tuple.of(admin.garageId(), id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString(0)));
    }

    @WithTransaction
    Uni<Void> replayInTransaction(Actor admin, String kind, UUID id) {
        Instant now = clock.now();
        return Panache.getSession().chain(session -> session.createNativeQuery(REPLAY_LETTER)
                        .setParameter("now", now).setParameter("subject", admin.subject())
                        .setParameter("garage", admin.garageId()).setParameter("id", id).executeUpdate()
                        .chain(replayed -> replayed == 1
                                ? session.createNativeQuery(REPLAY_WORK).setParameter("id", id)
                                        .setParameter("due", now).executeUpdate()
                                : refuse(admin, id)))
                .call(() -> audit.record(admin, replayAction(kind), RESOURCE, id, AuditOutcome.SUCCESS, Map.of(), now))
                .replaceWithVoid();
    }

    private Uni<Integer> refuse(Actor admin, UUID id) {
        return one(admin, id).map(letter -> {
            throw new ProblemException(ProblemType.INVALID_TRANSITION,
                    "This dead letter was already replayed at " + letter.replayedAt() + ".");
        });
    }

    private Uni<DeadLetter> one(Actor admin, UUID id) {
        return pool.preparedQuery(SELECT + ONE).execute(Tuple.of(admin.garageId(), id))
                .map(rows -> views(rows).stream().findFirst()
                        .orElseThrow(() -> ProblemException.notFound("Dead letter")));
    }

    private List<DeadLetter> views(RowSet<Row> rows) {
        List<DeadLetter> letters = new ArrayList<>(rows.size());
        rows.forEach(row -> letters.add(view(row)));
        return letters;
    }

    /** A kind without a handler on this pod shows no summary. */
    private DeadLetter view(Row row) {
        String kind = row.getString("kind");
        Map<String, Object> summary = handlers.of(kind).map(handler -> handler.summary(row.getJsonObject("payload")))
                .orElse(Map.of());
        return new DeadLetter(row.getUUID("id"), row.getLong("work_id"), kind, summary, row.getString("reason"),
                row.getInteger("attempts"), SqlTime.instant(row, "dead_at"), SqlTime.instant(row, "replayed_at"),
                row.getString("replayed_by"));
    }
}
