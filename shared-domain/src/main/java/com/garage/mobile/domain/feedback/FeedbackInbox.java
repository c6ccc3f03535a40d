package com.garage.mobile.domain.feedback;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.notification.NotificationCategory;
import com.garage.mobile.domain.notification.NotificationConfig;
import com.garage.mobile.domain.notification.NotificationWriter;
import com.garage.mobile.domain.notification.PlannedNotification;
import com.garage.mobile.domain.notification.PushPriority;
import com.garage.mobile.domain.problem.Problem;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.time.GarageClock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The garage's product-discovery inbox for its admins: feedback by status or by the words it holds,
 * newest first; and moving it on, from the version the admin read, with a note the reporter reads in
 * their own list and is pushed (CHAT: it is the garage answering them, under their consent).
 */
@ApplicationScoped
public class FeedbackInbox {

    public static final String ACTION = "feedback.status";
    public static final int LIMIT = 100;
    private static final String SEARCH = "select " + Feedback.COLUMNS + " from feedback where garage_id = $1"
            + " and ($2::text is null or status = $2)"
            + " and ($3::text is null or to_tsvector('simple', body) @@ plainto_tsquery('simple', $3))"
            + " order by created_at desc limit " + LIMIT;
    private static final String HELD = "select person_id, person_role, status, version from feedback"
            + " where id = $1 and garage_id = $2 for update";
    private static final String MOVE = "update feedback set status = $2, note = coalesce($3, note),"
            + " version = version + 1, status_changed_at = $4 where id = $1 returning " + Feedback.COLUMNS;

    private final Pool pool;
    private final AuditTrail audit;
    private final NotificationWriter notifications;
    private final NotificationConfig config;
    private final GarageClock clock;

    public FeedbackInbox(Pool pool, AuditTrail audit, NotificationWriter notifications, NotificationConfig config,
            GarageClock clock) {
        this.pool = pool;
        this.audit = audit;
        this.notifications = notifications;
        this.config = config;
        this.clock = clock;
    }

    public Uni<List<Feedback>> search(UUID garageId, FeedbackStatus status, String words) {
        return pool.preparedQuery(SEARCH).execute(Tuple.of(garageId, status != null ? status.name() : null, words))
                .map(rows -> {
                    List<Feedback> found = new ArrayList<>();
                    rows.forEach(row -> found.add(Feedback.of(row)));
                    return found;
                });
    }

    public Uni<Feedback> move(Actor admin, UUID id, StatusChange change) {
        Instant now = clock.now();
        return pool.withTransaction(connection -> connection.preparedQuery(HELD)
                .execute(Tuple.of(id, admin.garageId()))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Feedback");
                    }
                    Row held = rows.iterator().next();
                    if (!held.getInteger("version").equals(change.version())) {
                        throw new ProblemException(Problem.of(ProblemType.STALE_VERSION,
                                "The feedback is at version " + held.getInteger("version") + "; read it again."));
                    }
                    FeedbackStatus from = FeedbackStatus.valueOf(held.getString("status"));
                    if (!from.canMoveTo(change.status())) {
                        throw new ProblemException(Problem.of(ProblemType.INVALID_TRANSITION,
                                "Feedback moves forward only: new, triaged, planned, done; it is " + from + "."));
                    }
                    return held;
                })
                .chain(held -> connection.preparedQuery(MOVE)
                        .execute(Tuple.of(id, change.status().name(), change.note(), now.atOffset(ZoneOffset.UTC)))
                        .map(rows -> Feedback.of(rows.iterator().next()))
                        .call(moved -> audit.record(connection, admin, ACTION, "feedback", id, AuditOutcome.SUCCESS,
                                detail(held, moved, change.note() != null), now))
                        .call(moved -> tellTheReporter(connection, admin.garageId(), held, moved, change.note(), now))));
    }

    /** The push carries this change's note; without one, the reporter is sent to the app (an older note is there). */
    private Uni<Integer> tellTheReporter(SqlConnection connection, UUID garageId, Row reporter, Feedback moved,
            String note, Instant now) {
        String link = ("customer".equals(reporter.getString("person_role")) ? "garage-customer" : "garage-tech")
                + "://feedback/" + moved.id();
        return notifications.write(connection, new PlannedNotification(garageId, reporter.getUUID("person_id"),
                NotificationCategory.CHAT, "feedback:" + moved.id() + ":" + moved.version(), null, PushPriority.NORMAL,
                "feedback-" + moved.id(), moved.version(), now.plus(config.ttl()),
                "feedback.status." + moved.status().name().toLowerCase(Locale.ROOT),
                note != null ? Map.of("note", note) : Map.of(),
                note != null ? Map.of() : Map.of("note", "feedback.no-note"),
                Map.of("type", ACTION, "feedbackId", moved.id().toString(), "status", moved.status().name(),
                        "link", link), null), now);
    }

    private static Map<String, Object> detail(Row held, Feedback moved, boolean noted) {
        Map<String, Object> detail = new HashMap<>();
        detail.put("from", held.getString("status"));
        detail.put("to", moved.status().name());
        detail.put("noted", noted);
        return detail;
    }
}
