package com.garage.mobile.platform.notification.dispatch;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.audit.AuditedAction;
import com.garage.mobile.domain.notification.NotificationCategory;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.domain.notification.device.DevicePlatform;
import com.garage.mobile.domain.paging.Page;
import com.garage.mobile.domain.paging.PageCursor;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** The garage's dead letters: listed for its admins, and replayed on their word. */
@ApplicationScoped
public class DeadLetters {

    public static final String REPLAY = "notification.replay-dead-letter";
    private static final String RESOURCE = "notification-dead-letter";
    private static final String SELECT = """
            select l.id, l.outbox_id, o.category, d.platform, o.person_id, o.title, l.reason, l.attempts, l.dead_at,
                   l.replayed_at, l.replayed_by
            from notification_dead_letter l
            join notification_outbox o on o.id = l.outbox_id
            join push_device d on d.id = o.device_id
            where l.garage_id = :garage""";
    private static final String AFTER = " and (l.dead_at < :afterKey or (l.dead_at = :afterKey and l.id < :afterId))";
    private static final String NEWEST_FIRST = " order by l.dead_at desc, l.id desc limit :limit";
    private static final String REPLAY_LETTER = """
            update notification_dead_letter set replayed_at = :now, replayed_by = :subject
            where garage_id = :garage and id = :id and replayed_at is null""";
    private static final String REPLAY_NOTIFICATION = """
            update notification_outbox set status = 'PENDING', attempts = 0, next_attempt_at = :due,
                expires_at = cast(:due as timestamptz) + make_interval(secs => ttl_seconds), last_error = null,
                lease_until = null
            where id = (select outbox_id from notification_dead_letter where id = :id) and status = 'DEAD'""";

    private final AuditTrail audit;
    private final AuditedAction audited;
    private final GarageClock clock;

    public DeadLetters(AuditTrail audit, AuditedAction audited, GarageClock clock) {
        this.clock = clock;
        this.audit = audit;
        this.audited = audited;
    }

    /** The admin's garage's dead letters, newest first. */
    @WithSession
    public Uni<Page<DeadLetterView>> page(Actor admin, PageCursor after, int limit) {
        var query = Panache.getSession().map(session -> session.createNativeQuery(
                SELECT + (after != null ? AFTER : "") + NEWEST_FIRST, Object[].class));
        return query.chain(q -> {
            q.setParameter("garage", admin.garageId()).setParameter("limit", limit + 1);
            if (after != null) {
                q.setParameter("afterKey", after.sortKey()).setParameter("afterId", after.id());
            }
            return q.getResultList();
        }).map(rows -> Page.of(rows.stream().map(DeadLetters::view).toList(), limit,
                letter -> new PageCursor(letter.deadAt(), letter.id()), letter -> letter));
    }

    /**
     * Sends the notification again from scratch: attempts reset, a fresh time to live. Consent and
     * the device are checked again when it is sent.
     */
    public Uni<DeadLetterView> replay(Actor admin, UUID id) {
        return audited.run(admin, REPLAY, RESOURCE, id, () -> replayInTransaction(admin, id));
    }

    @WithTransaction
    Uni<DeadLetterView> replayInTransaction(Actor admin, UUID id) {
        Instant now = clock.now();
        return Panache.getSession().chain(session -> session.createNativeQuery(REPLAY_LETTER)
                        .setParameter("now", now).setParameter("subject", admin.subject())
                        .setParameter("garage", admin.garageId()).setParameter("id", id).executeUpdate()
                        .chain(replayed -> replayed == 1
                                ? session.createNativeQuery(REPLAY_NOTIFICATION).setParameter("id", id)
                                        .setParameter("due", clock.now()).executeUpdate()
                                : refuse(admin, id)))
                .call(() -> audit.record(admin, REPLAY, RESOURCE, id, AuditOutcome.SUCCESS, Map.of(), now))
                .chain(() -> one(admin, id));
    }

    private Uni<Integer> refuse(Actor admin, UUID id) {
        return one(admin, id).map(letter -> {
            throw new ProblemException(ProblemType.INVALID_TRANSITION,
                    "This dead letter was already replayed at " + letter.replayedAt() + ".");
        });
    }

    private Uni<DeadLetterView> one(Actor admin, UUID id) {
        return Panache.getSession().chain(session -> session.createNativeQuery(SELECT + " and l.id = :id",
                        Object[].class)
                .setParameter("garage", admin.garageId()).setParameter("id", id).getResultList())
                .map(rows -> rows.stream().findFirst().map(DeadLetters::view)
                        .orElseThrow(() -> ProblemException.notFound("Dead letter")));
    }

    private static DeadLetterView view(Object[] row) {
        return new DeadLetterView((UUID) row[0], ((Number) row[1]).longValue(),
                NotificationCategory.valueOf((String) row[2]), DevicePlatform.valueOf((String) row[3]), (UUID) row[4],
                (String) row[5], (String) row[6], ((Number) row[7]).intValue(), instant(row[8]), instant(row[9]),
                (String) row[10]);
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
