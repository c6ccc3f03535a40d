package com.garage.mobile.domain.releases;

import com.garage.mobile.domain.notification.NotificationCategory;
import com.garage.mobile.domain.notification.SqlTime;
import com.garage.mobile.domain.notification.StaffAlerts;
import com.garage.mobile.domain.notification.StaffAlerts.Audience;
import com.garage.mobile.domain.notification.StaffAlerts.StaffAlert;
import com.garage.mobile.domain.paging.PageCursor;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What release admins are told: a new crash issue, a regression, a spike, an automatic halt, each
 * with its figures; raised in the transaction of what caused it, read newest first. The admins of
 * the garage that registered the release, who own it, also hear of it by push ({@link StaffAlerts},
 * {@code OPERATIONS}); an alert about a build no release names stays in the feed.
 */
@ApplicationScoped
public class ReleaseAlerts {

    /** What happened. */
    public enum Kind {
        NEW_ISSUE,
        REGRESSION,
        SPIKE,
        ROLLOUT_HALTED
    }

    /** One alert as admins read it. */
    public record Alert(UUID id, Kind kind, UUID releaseId, UUID issueId, Ring ring, String summary,
            Map<String, Object> figures, Instant raisedAt) {
    }

    /** The push's data: the app opens the alert feed at this alert. */
    private static final String PUSH_TYPE = "release-alert";

    private static final String INSERT = """
            insert into release_alert (id, kind, release_id, issue_id, ring, summary, figures, raised_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8)
            returning (select garage_id from app_release where id = $3) as owner""";

    private final Pool pool;
    private final StaffAlerts staff;

    public ReleaseAlerts(Pool pool, StaffAlerts staff) {
        this.pool = pool;
        this.staff = staff;
    }

    public Uni<Void> raise(SqlConnection connection, Kind kind, UUID releaseId, UUID issueId, Ring ring, String summary,
            Map<String, Object> figures, Instant now) {
        UUID id = UUID.randomUUID();
        return connection.preparedQuery(INSERT).execute(Tuple.tuple().addUUID(id).addString(kind.name())
                        .addUUID(releaseId).addUUID(issueId).addString(ring != null ? ring.name() : null).addString(summary)
                        .addValue(new JsonObject(figures)).addOffsetDateTime(SqlTime.at(now)))
                .chain(rows -> {
                    UUID owner = rows.iterator().next().getUUID("owner");
                    return owner == null ? Uni.createFrom().voidItem()
                            : staff.raise(connection, owner, pushOf(id, kind, releaseId, summary), now).replaceWithVoid();
                });
    }

    private static StaffAlert pushOf(UUID id, Kind kind, UUID releaseId, String summary) {
        return new StaffAlert(Audience.ADMINS, NotificationCategory.OPERATIONS, "release-alert:" + id,
                "staff.release." + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'), Map.of("summary", summary),
                Map.of("type", PUSH_TYPE, "alertId", id.toString(), "releaseId", releaseId.toString(),
                        "kind", kind.name()));
    }

    /** Up to {@code limit + 1} alerts after the cursor, newest first (the extra one shows there are more). */
    public Uni<List<Alert>> newest(PageCursor after, int limit) {
        Tuple args = Tuple.tuple().addOffsetDateTime(after != null ? SqlTime.at(after.sortKey()) : null)
                .addUUID(after != null ? after.id() : null).addInteger(limit + 1);
        return pool.preparedQuery("""
                select id, kind, release_id, issue_id, ring, summary, figures, raised_at from release_alert
                where $1::timestamptz is null or (raised_at, id) < ($1, $2)
                order by raised_at desc, id desc limit $3""").execute(args).map(rows -> {
                    List<Alert> alerts = new ArrayList<>();
                    for (Row row : rows) {
                        String ring = row.getString("ring");
                        alerts.add(new Alert(row.getUUID("id"), Kind.valueOf(row.getString("kind")),
                                row.getUUID("release_id"), row.getUUID("issue_id"),
                                ring != null ? Ring.valueOf(ring) : null, row.getString("summary"),
                                row.getJsonObject("figures").getMap(), SqlTime.instant(row, "raised_at")));
                    }
                    return alerts;
                });
    }
}
