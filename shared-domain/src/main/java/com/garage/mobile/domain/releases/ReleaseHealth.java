package com.garage.mobile.domain.releases;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A release's health: crash-free sessions and users per ring, and its crash issues with events and people affected. */
@ApplicationScoped
public class ReleaseHealth {

    private static final String FIGURES = """
            select s.ring, count(*) as sessions, count(*) filter (where s.crashed) as crashed_sessions,
                   count(distinct s.person_id) as users,
                   count(distinct s.person_id) filter (where s.crashed) as crashed_users
            from app_session s join app_release r
              on r.app = s.app and r.platform = s.platform and r.version = s.app_version
            where r.id = $1 group by s.ring""";
    private static final String ISSUES = """
            select i.id, i.exception_type, i.top_frame, i.status, count(*) as events,
                   count(distinct e.person_id) as users
            from crash_event e join crash_issue i on i.id = e.issue_id
            join app_release r on r.app = e.app and r.platform = e.platform and r.version = e.app_version
            where r.id = $1 group by i.id order by count(*) desc, i.id limit 50""";

    /** One crash issue's share of a release. */
    public record IssueCount(UUID issueId, String exceptionType, String topFrame, String status, long events,
            long users) {
    }

    private final Pool pool;

    public ReleaseHealth(Pool pool) {
        this.pool = pool;
    }

    /** The figures of every ring the release has sessions in. */
    public Uni<List<HealthFigures>> figures(UUID releaseId) {
        return pool.preparedQuery(FIGURES).execute(Tuple.of(releaseId)).map(rows -> {
            List<HealthFigures> figures = new ArrayList<>();
            for (Row row : rows) {
                figures.add(new HealthFigures(Ring.valueOf(row.getString("ring")), row.getLong("sessions"),
                        row.getLong("crashed_sessions"), row.getLong("users"), row.getLong("crashed_users")));
            }
            figures.sort((a, b) -> a.ring().compareTo(b.ring()));
            return figures;
        });
    }

    /** The release's figures in one ring (zeros without sessions). */
    public Uni<HealthFigures> figures(UUID releaseId, Ring ring) {
        return figures(releaseId).map(all -> all.stream().filter(figures -> figures.ring() == ring).findFirst()
                .orElse(new HealthFigures(ring, 0, 0, 0, 0)));
    }

    /** The release's crash issues, most events first (at most 50). */
    public Uni<List<IssueCount>> issues(UUID releaseId) {
        return pool.preparedQuery(ISSUES).execute(Tuple.of(releaseId)).map(rows -> {
            List<IssueCount> issues = new ArrayList<>();
            for (Row row : rows) {
                issues.add(new IssueCount(row.getUUID("id"), row.getString("exception_type"),
                        row.getString("top_frame"), row.getString("status"), row.getLong("events"),
                        row.getLong("users")));
            }
            return issues;
        });
    }
}
