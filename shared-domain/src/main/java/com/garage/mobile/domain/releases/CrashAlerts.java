package com.garage.mobile.domain.releases;

import com.garage.mobile.domain.access.AppBuild;
import com.garage.mobile.domain.notification.SqlTime;
import com.garage.mobile.domain.releases.ReleaseAlerts.Kind;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The alerts crash reports raise: a new issue, a fixed issue seen again, a spike (at most one an hour per issue). */
@ApplicationScoped
public class CrashAlerts {

    private static final String RELEASE = "select id from app_release where app = $1 and platform = $2 and version = $3";
    private static final String COUNTS = """
            select count(*) filter (where received_at > $2) as last_hour,
                   count(*) filter (where received_at <= $2 and received_at > $3) as day_before
            from crash_event where issue_id = $1 and received_at > $3""";
    private static final String CLAIM_SPIKE = """
            update crash_issue set spike_alerted_at = $2
            where id = $1 and (spike_alerted_at is null or spike_alerted_at <= $3)""";

    private final ReleaseAlerts alerts;
    private final SpikeRule spikes;

    public CrashAlerts(ReleaseAlerts alerts, ReleasesConfig config) {
        this.alerts = alerts;
        this.spikes = new SpikeRule(config.spikeMinEvents(), config.spikeFactor());
    }

    Uni<Void> newIssue(SqlConnection connection, UUID issueId, AppBuild build, CrashReport report, Instant now) {
        return releaseOf(connection, build).chain(releaseId -> alerts.raise(connection, Kind.NEW_ISSUE, releaseId,
                issueId, null, "New crash in %s %s on %s: %s at %s".formatted(build.app(), build.version(),
                        build.platform(), report.exceptionType(), StackFingerprint.topFrame(report.stack())),
                figures(build, Map.of("deviceModel", report.deviceModel(), "osVersion", report.osVersion())), now));
    }

    Uni<Void> regression(SqlConnection connection, UUID issueId, AppBuild build, Instant now) {
        return releaseOf(connection, build).chain(releaseId -> alerts.raise(connection, Kind.REGRESSION, releaseId,
                issueId, null, "A crash marked fixed is back in %s %s on %s".formatted(build.app(), build.version(),
                        build.platform()), figures(build, Map.of()), now));
    }

    /** Raises a spike alert when the issue's last hour is a spike and none was raised in the hour before. */
    Uni<Void> spikeOf(SqlConnection connection, UUID issueId, AppBuild build, Instant now) {
        Instant hourAgo = now.minus(Duration.ofHours(1));
        return connection.preparedQuery(COUNTS).execute(Tuple.of(issueId, SqlTime.at(hourAgo),
                        SqlTime.at(hourAgo.minus(Duration.ofDays(1)))))
                .chain(rows -> {
                    Row counts = rows.iterator().next();
                    long lastHour = counts.getLong("last_hour");
                    long dayBefore = counts.getLong("day_before");
                    if (!spikes.isSpike(lastHour, dayBefore)) {
                        return Uni.createFrom().voidItem();
                    }
                    return connection.preparedQuery(CLAIM_SPIKE).execute(Tuple.of(issueId, SqlTime.at(now),
                                    SqlTime.at(hourAgo)))
                            .chain(claimed -> claimed.rowCount() == 0 ? Uni.createFrom().voidItem()
                                    : releaseOf(connection, build).chain(releaseId -> alerts.raise(connection,
                                            Kind.SPIKE, releaseId, issueId, null,
                                            "Crash spike in %s on %s: %d in the last hour, %d in the day before"
                                                    .formatted(build.app(), build.platform(), lastHour, dayBefore),
                                            figures(build, Map.of("lastHour", lastHour, "dayBefore", dayBefore)), now)));
                });
    }

    private static Uni<UUID> releaseOf(SqlConnection connection, AppBuild build) {
        return connection.preparedQuery(RELEASE).execute(Tuple.of(build.app().name(), build.platform().name(),
                build.version().toString())).map(rows -> rows.rowCount() == 0 ? null : rows.iterator().next().getUUID("id"));
    }

    private static Map<String, Object> figures(AppBuild build, Map<String, Object> more) {
        Map<String, Object> figures = new HashMap<>(more);
        figures.put("app", build.app().name());
        figures.put("platform", build.platform().name());
        figures.put("version", build.version().toString());
        return figures;
    }
}
