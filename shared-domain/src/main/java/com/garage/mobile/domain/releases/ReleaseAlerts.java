package com.garage.mobile.domain.releases;

import com.garage.mobile.domain.notification.SqlTime;
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
import java.util.Map;
import java.util.UUID;

/**
 * What release admins are told: a new crash issue, a regression, a spike, an automatic halt, each
 * with its figures; raised in the transaction of what caused it, read newest first.
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

    private static final String INSERT = """
            insert into release_alert (id, kind, release_id, issue_id, ring, summary, figures, raised_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8)""";

    private final Pool pool;

    public ReleaseAlerts(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> raise(SqlConnection connection, Kind kind, UUID releaseId, UUID issueId, Ring ring, String summary,
            Map<String, Object> figures, Instant now) {
        return connection.preparedQuery(INSERT).execute(Tuple.tuple().addUUID(UUID.randomUUID()).addString(kind.name())
                .addUUID(releaseId).addUUID(issueId).addString(ring != null ? ring.name() : null).addString(summary)
                .addValue(new JsonObject(figures)).addOffsetDateTime(SqlTime.at(now))).replaceWithVoid();
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
