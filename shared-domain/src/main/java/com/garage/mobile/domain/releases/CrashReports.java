package com.garage.mobile.domain.releases;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppBuild;
import com.garage.mobile.domain.notification.SqlTime;
import com.garage.mobile.domain.time.GarageClock;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Crash ingest: each report is grouped into a crash issue by its {@link StackFingerprint}, marks its
 * session crashed, and tells admins of a new issue or of a fixed one seen again ({@link CrashAlerts}).
 */
@ApplicationScoped
public class CrashReports {

    private static final String NEW_ISSUE = """
            insert into crash_issue (id, app, platform, fingerprint, exception_type, top_frame, status, first_seen_at,
                last_seen_at, first_version)
            values ($1, $2, $3, $4, $5, $6, 'OPEN', $7, $7, $8)
            on conflict (app, platform, fingerprint) do nothing""";
    private static final String SEEN_AGAIN = """
            update crash_issue i set last_seen_at = $4, status = 'OPEN', fixed_at = null, fixed_by = null
            from (select id, status from crash_issue where app = $1 and platform = $2 and fingerprint = $3 for update) old
            where i.id = old.id
            returning i.id, old.status""";
    private static final String EVENT = """
            insert into crash_event (id, garage_id, issue_id, person_id, session_id, app, platform, app_version, build,
                ring, device_model, os_version, exception_type, stack, breadcrumbs, occurred_at, received_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)""";
    private static final String CRASHED = "update app_session set crashed = true where id = $1 and person_id = $2";

    private final Pool pool;
    private final ReleaseRings rings;
    private final CrashAlerts alerts;
    private final GarageClock clock;

    public CrashReports(Pool pool, ReleaseRings rings, CrashAlerts alerts, GarageClock clock) {
        this.pool = pool;
        this.rings = rings;
        this.alerts = alerts;
        this.clock = clock;
    }

    public Uni<CrashReceipt> report(Actor person, AppBuild build, CrashReport report) {
        AppSessions.requireKnown(build);
        String fingerprint = StackFingerprint.of(report.exceptionType(), report.stack());
        return rings.ringOf(person.personId(), build.app()).chain(ring -> pool.withTransaction(connection -> {
            Instant now = clock.now();
            UUID candidate = UUID.randomUUID();
            UUID eventId = UUID.randomUUID();
            return connection.preparedQuery(NEW_ISSUE).execute(Tuple.tuple().addUUID(candidate)
                            .addString(build.app().name()).addString(build.platform().name()).addString(fingerprint)
                            .addString(report.exceptionType()).addString(StackFingerprint.topFrame(report.stack()))
                            .addOffsetDateTime(SqlTime.at(now)).addString(build.version().toString()))
                    .chain(inserted -> inserted.rowCount() == 1
                            ? alerts.newIssue(connection, candidate, build, report, now).replaceWith(new Grouped(candidate, true))
                            : seenAgain(connection, build, fingerprint, now))
                    .call(grouped -> store(connection, eventId, person, build, ring, report, grouped.issueId(), now))
                    .call(grouped -> alerts.spikeOf(connection, grouped.issueId(), build, now))
                    .map(grouped -> new CrashReceipt(eventId, grouped.issueId(), fingerprint,
                            grouped.created(), report.deviceModel(), report.exceptionType(), report.stack()));
        }));
    }

    private record Grouped(UUID issueId, boolean created) {
    }

    private Uni<Grouped> seenAgain(SqlConnection connection, AppBuild build, String fingerprint, Instant now) {
        return connection.preparedQuery(SEEN_AGAIN).execute(Tuple.of(build.app().name(), build.platform().name(),
                        fingerprint, SqlTime.at(now)))
                .chain(rows -> {
                    var row = rows.iterator().next();
                    UUID issueId = row.getUUID("id");
                    Uni<Void> regression = "FIXED".equals(row.getString("status"))
                            ? alerts.regression(connection, issueId, build, now) : Uni.createFrom().voidItem();
                    return regression.replaceWith(new Grouped(issueId, false));
                });
    }

    private static Uni<Void> store(SqlConnection connection, UUID eventId, Actor person, AppBuild build, Ring ring, CrashReport report,
            UUID issueId, Instant now) {
        JsonArray breadcrumbs = new JsonArray();
        if (report.breadcrumbs() != null) {
            report.breadcrumbs().forEach(crumb -> breadcrumbs.add(new JsonObject().put("at", crumb.at().toString())
                    .put("category", crumb.category()).put("label", crumb.label())));
        }
        Tuple row = Tuple.tuple().addUUID(eventId).addUUID(person.garageId()).addUUID(issueId)
                .addUUID(person.personId()).addUUID(report.sessionId()).addString(build.app().name())
                .addString(build.platform().name()).addString(build.version().toString()).addString(report.build())
                .addString(ring.name()).addString(report.deviceModel()).addString(report.osVersion())
                .addString(report.exceptionType()).addString(report.stack()).addValue(breadcrumbs)
                .addOffsetDateTime(SqlTime.at(report.occurredAt() != null ? report.occurredAt() : now))
                .addOffsetDateTime(SqlTime.at(now));
        Uni<?> session = report.sessionId() == null ? Uni.createFrom().voidItem()
                : connection.preparedQuery(CRASHED).execute(Tuple.of(report.sessionId(), person.personId()));
        return connection.preparedQuery(EVENT).execute(row).chain(() -> session).replaceWithVoid();
    }
}
