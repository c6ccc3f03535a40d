package com.garage.mobile.domain.releases;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Session health per app build and week for one garage, from the sessions the apps report for release health
 * ({@code app_session}, crashes included): the garage's own view of how each version of its apps holds up.
 */
@ApplicationScoped
public class SessionHealthReports {

    static final String REPORT = """
            select (date_trunc('week', started_at at time zone 'UTC'))::date as week, app, platform, app_version,
                   count(*) as sessions, count(*) filter (where crashed) as crashed_sessions,
                   count(distinct person_id) as users, count(distinct person_id) filter (where crashed) as crashed_users,
                   percentile_cont(0.5) within group (order by extract(epoch from ended_at - started_at) / 60)
                       filter (where ended_at is not null) as median_minutes
            from app_session
            where garage_id = $1 and started_at >= $2 and started_at < $3
            group by 1, 2, 3, 4
            order by 1 desc, 2, 3, 5 desc, 4""";

    private final Pool pool;

    public SessionHealthReports(Pool pool) {
        this.pool = pool;
    }

    /** The garage's sessions started from {@code from} to before {@code to}: newest week first, busiest build first. */
    public Uni<List<SessionHealth>> report(UUID garageId, Instant from, Instant to) {
        return pool.preparedQuery(REPORT)
                .execute(Tuple.of(garageId, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    List<SessionHealth> health = new ArrayList<>();
                    for (Row row : rows) {
                        health.add(new SessionHealth(row.getLocalDate("week"), row.getString("app"),
                                row.getString("platform"), row.getString("app_version"), row.getLong("sessions"),
                                row.getLong("crashed_sessions"), row.getLong("users"), row.getLong("crashed_users"),
                                row.getDouble("median_minutes")));
                    }
                    return health;
                });
    }
}
