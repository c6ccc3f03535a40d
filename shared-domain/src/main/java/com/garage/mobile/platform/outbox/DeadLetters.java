package com.garage.mobile.platform.outbox;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.audit.AuditedAction;
import com.garage.mobile.domain.paging.Page;
import com.garage.mobile.domain.paging.PageCursor;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.time.GarageClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The garage's dead letters of outbound work: listed for its admins, and replayed on their word. */
@ApplicationScoped
public class DeadLetters {

    private static final String RESOURCE = "outbound-dead-letter";
    /** The audit action's prefix when no kind was asked for and the dead letter is not found. */
    private static final String ANY_KIND = "outbox";
    private static final String SELECT = """
            select l.id, l.work_id, l.kind, cast(w.payload as text), l.reason, l.attempts, l.dead_at, l.replayed_at,
                   l.replayed_by
            from outbound_dead_letter l
            join outbound_work w on w.id = l.work_id
            where l.garage_id = :garage""";
    private static final String OF_KIND = " and l.kind = :kind";
    private static final String AFTER = " and (l.dead_at < :afterKey or (l.dead_at = :afterKey and l.id < :afterId))";
    private static final String NEWEST_FIRST = " order by l.dead_at desc, l.id desc limit :limit";
    private static final String REPLAY_LETTER = """
            update outbound_dead_letter set replayed_at = :now, replayed_by = :subject
            where garage_id = :garage and id = :id and replayed_at is null""";
    private static final String KIND_OF = "select kind from outbound_dead_letter where garage_id = :garage and id = :id";
    private static final String REPLAY_WORK = """
            update outbound_work set status = 'PENDING', attempts = 0, next_attempt_at = :due,
                expires_at = cast(:due as timestamptz) + make_interval(secs => ttl_seconds), last_error = null,
                lease_until = null, done_at = null
            where id = (select work_id from outbound_dead_letter where id = :id) and status = 'DEAD'""";

    private final OutboundHandlers handlers;
    private final AuditTrail audit;
    private final AuditedAction audited;
    private final GarageClock clock;

    public DeadLetters(OutboundHandlers handlers, AuditTrail audit, AuditedAction audited, GarageClock clock) {
        this.handlers = handlers;
        this.audit = audit;
        this.audited = audited;
        this.clock = clock;
    }

    /** The audit action of replaying a dead letter of the kind, e.g. {@code notification.replay-dead-letter}. */
    public static String replayAction(String kind) {
        return kind + ".replay-dead-letter";
    }

    /** The admin's garage's dead letters, of one kind or (kind null) of every kind, newest first. */
    @WithSession
    public Uni<Page<DeadLetter>> page(Actor admin, String kind, PageCursor after, int limit) {
        var query = Panache.getSession().map(session -> session.createNativeQuery(
                SELECT + (kind != null ? OF_KIND : "") + (after != null ? AFTER : "") + NEWEST_FIRST, Object[].class));
        return query.chain(q -> {
            q.setParameter("garage", admin.garageId()).setParameter("limit", limit + 1);
            if (kind != null) {
                q.setParameter("kind", kind);
            }
            if (after != null) {
                q.setParameter("afterKey", after.sortKey()).setParameter("afterId", after.id());
            }
            return q.getResultList();
        }).map(rows -> Page.of(rows.stream().map(this::view).toList(), limit,
                letter -> new PageCursor(letter.deadAt(), letter.id()), letter -> letter));
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
                    .map(letterKind -> replayInTransaction(admin, letterKind, id))
                    .orElseGet(() -> Uni.createFrom().failure(ProblemException.notFound("Dead letter"))));
        });
    }

    @WithSession
    Uni<Optional<String>> kindOf(Actor admin, UUID id) {
        return Panache.getSession().chain(session -> session.createNativeQuery(KIND_OF, String.class)
                        .setParameter("garage", admin.garageId()).setParameter("id", id).getResultList())
                .map(kinds -> kinds.stream().findFirst());
    }

    @WithTransaction
    Uni<DeadLetter> replayInTransaction(Actor admin, String kind, UUID id) {
        Instant now = clock.now();
        return Panache.getSession().chain(session -> session.createNativeQuery(REPLAY_LETTER)
                        .setParameter("now", now).setParameter("subject", admin.subject())
                        .setParameter("garage", admin.garageId()).setParameter("id", id).executeUpdate()
                        .chain(replayed -> replayed == 1
                                ? session.createNativeQuery(REPLAY_WORK).setParameter("id", id)
                                        .setParameter("due", now).executeUpdate()
                                : refuse(admin, id)))
                .call(() -> audit.record(admin, replayAction(kind), RESOURCE, id, AuditOutcome.SUCCESS, Map.of(), now))
                .chain(() -> one(admin, id));
    }

    private Uni<Integer> refuse(Actor admin, UUID id) {
        return one(admin, id).map(letter -> {
            throw new ProblemException(ProblemType.INVALID_TRANSITION,
                    "This dead letter was already replayed at " + letter.replayedAt() + ".");
        });
    }

    private Uni<DeadLetter> one(Actor admin, UUID id) {
        return Panache.getSession().chain(session -> session.createNativeQuery(SELECT + " and l.id = :id",
                        Object[].class)
                .setParameter("garage", admin.garageId()).setParameter("id", id).getResultList())
                .map(rows -> rows.stream().findFirst().map(this::view)
                        .orElseThrow(() -> ProblemException.notFound("Dead letter")));
    }

    /** A kind without a handler on this pod shows no summary. */
    private DeadLetter view(Object[] row) {
        String kind = (String) row[2];
        Map<String, Object> summary = handlers.of(kind).map(handler -> handler.summary(new JsonObject((String) row[3])))
                .orElse(Map.of());
        return new DeadLetter((UUID) row[0], ((Number) row[1]).longValue(), kind, summary, (String) row[4],
                ((Number) row[5]).intValue(), instant(row[6]), instant(row[7]), (String) row[8]);
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            case Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalStateException("Unexpected time " + value.getClass());
        };
    }
}
