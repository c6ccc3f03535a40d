package com.garage.mobile.domain.releases;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.audit.AuditedAction;
import com.garage.mobile.domain.notification.SqlTime;
import com.garage.mobile.domain.paging.PageCursor;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.time.GarageClock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Crash issues as admins work them: listed most recently seen first, marked fixed (audited). */
@ApplicationScoped
public class CrashIssues {

    public static final String FIXED = "crash-issue.fixed";

    /** One crash issue with its totals. */
    public record CrashIssue(UUID id, String app, String platform, String fingerprint, String exceptionType,
            String topFrame, String status, String firstVersion, Instant firstSeenAt, Instant lastSeenAt,
            long events, long users) {
    }

    private final Pool pool;
    private final AuditTrail audit;
    private final AuditedAction audited;
    private final GarageClock clock;
    private final ReleaseOperator operator;

    public CrashIssues(Pool pool, AuditTrail audit, AuditedAction audited, GarageClock clock, ReleaseOperator operator) {
        this.pool = pool;
        this.audit = audit;
        this.audited = audited;
        this.clock = clock;
        this.operator = operator;
    }

    /** Up to {@code limit + 1} issues after the cursor, most recently seen first. */
    public Uni<List<CrashIssue>> newest(PageCursor after, int limit) {
        Tuple args = Tuple.tuple().addOffsetDateTime(after != null ? SqlTime.at(after.sortKey()) : null)
                .addUUID(after != null ? after.id() : null).addInteger(limit + 1);
        return pool.preparedQuery("""
                select i.*, (select count(*) from crash_event e where e.issue_id = i.id) as events,
                       (select count(distinct person_id) from crash_event e where e.issue_id = i.id) as users
                from crash_issue i
                where $1::timestamptz is null or (i.last_seen_at, i.id) < ($1, $2)
                order by i.last_seen_at desc, i.id desc limit $3""").execute(args).map(rows -> {
                    List<CrashIssue> issues = new ArrayList<>();
                    for (Row row : rows) {
                        issues.add(new CrashIssue(row.getUUID("id"), row.getString("app"), row.getString("platform"),
                                row.getString("fingerprint"), row.getString("exception_type"),
                                row.getString("top_frame"), row.getString("status"), row.getString("first_version"),
                                SqlTime.instant(row, "first_seen_at"), SqlTime.instant(row, "last_seen_at"),
                                row.getLong("events"), row.getLong("users")));
                    }
                    return issues;
                });
    }

    /** Marks the issue fixed: a report of it afterwards is a regression. Marking it twice is 409. */
    public Uni<Void> markFixed(Actor admin, UUID issueId) {
        return audited.run(admin, FIXED, "crash-issue", issueId, () -> operator.require(admin)
                .chain(() -> pool.withTransaction(connection -> {
            Instant now = clock.now();
            return connection.preparedQuery("""
                    update crash_issue i set status = 'FIXED', fixed_at = $2, fixed_by = $3
                    from (select id, status from crash_issue where id = $1 for update) old
                    where i.id = old.id returning old.status as before""")
                    .execute(Tuple.of(issueId, SqlTime.at(now), admin.subject()))
                    .chain(rows -> {
                        if (rows.rowCount() == 0) {
                            return Uni.createFrom().failure(ProblemException.notFound("Crash issue"));
                        }
                        if ("FIXED".equals(rows.iterator().next().getString("before"))) {
                            return Uni.createFrom().failure(new ProblemException(ProblemType.INVALID_TRANSITION,
                                    "The crash issue is marked fixed already."));
                        }
                        return audit.record(connection, admin, FIXED, "crash-issue", issueId, AuditOutcome.SUCCESS,
                                Map.of(), now);
                    });
        })));
    }
}
