package com.garage.mobile.domain.releases;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.access.AppPlatform;
import com.garage.mobile.domain.access.SoftwareVersion;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.audit.AuditedAction;
import com.garage.mobile.domain.notification.SqlTime;
import com.garage.mobile.domain.time.GarageClock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The minimum supported version of each app on each platform: set by admins with a grace period and
 * a message, read by the remote configuration (the upgrade notice) and by the posture check (the
 * refusal), so both follow one setting. Until an admin sets one, the configured minimum holds.
 */
@ApplicationScoped
public class MinimumVersions {

    public static final String ACTION = "release.minimum-version";
    private static final String UPSERT = """
            insert into app_minimum_version (app, platform, garage_id, minimum_version, previous_minimum, required_from,
                message, updated_by, updated_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            on conflict (app, platform) do update set garage_id = excluded.garage_id,
                minimum_version = excluded.minimum_version, previous_minimum = excluded.previous_minimum,
                required_from = excluded.required_from, message = excluded.message, updated_by = excluded.updated_by,
                updated_at = excluded.updated_at, version_no = app_minimum_version.version_no + 1""";

    /** One app on one platform. */
    public record Target(AppAudience app, AppPlatform platform) {
    }

    private final Pool pool;
    private final AuditTrail audit;
    private final AuditedAction audited;
    private final GarageClock clock;
    private final ReleaseOperator operator;
    private final ReadThrough<Target, Optional<MinimumVersion>> settings;

    public MinimumVersions(Pool pool, AuditTrail audit, AuditedAction audited, GarageClock clock,
            ReleasesConfig config, ReleaseOperator operator) {
        this.pool = pool;
        this.audit = audit;
        this.audited = audited;
        this.clock = clock;
        this.operator = operator;
        this.settings = new ReadThrough<>(clock, config.settingsTtl(), this::read);
    }

    /** The rule for the app on the platform: the admins' setting, else the configured minimum, else none. */
    public Uni<Optional<MinimumVersion>> of(Target target, Optional<SoftwareVersion> configured) {
        return settings.get(target).map(set -> set.or(() -> configured.map(MinimumVersion::inForce)));
    }

    /**
     * Sets a new minimum, required once the grace period is over; until then the minimum in force now
     * (the admins' earlier one or the configured one) still holds.
     */
    public Uni<MinimumVersion> set(Actor admin, Target target, SoftwareVersion minimum, Duration grace, String message,
            Optional<SoftwareVersion> configured) {
        return audited.run(admin, ACTION, "app", target.app().name() + "/" + target.platform().name(),
                () -> operator.require(admin).chain(() -> of(target, configured)).chain(current -> {
                    Instant now = clock.now();
                    SoftwareVersion previous = current.map(rule -> rule.inForceAt(now)).orElse(null);
                    MinimumVersion next = new MinimumVersion(minimum, previous, now.plus(grace), message);
                    return pool.withTransaction(connection -> connection.preparedQuery(UPSERT).execute(Tuple.tuple()
                                    .addString(target.app().name()).addString(target.platform().name())
                                    .addUUID(admin.garageId()).addString(minimum.toString())
                                    .addString(previous != null ? previous.toString() : null)
                                    .addOffsetDateTime(SqlTime.at(next.requiredFrom())).addString(message)
                                    .addString(admin.subject()).addOffsetDateTime(SqlTime.at(now)))
                            .call(() -> audit.record(connection, admin, ACTION, "app",
                                    target.app().name() + "/" + target.platform().name(), AuditOutcome.SUCCESS,
                                    detail(next), now)))
                            .invoke(settings::forget)
                            .replaceWith(next);
                }));
    }

    private Uni<Optional<MinimumVersion>> read(Target target) {
        return pool.preparedQuery("""
                select minimum_version, previous_minimum, required_from, message from app_minimum_version
                where app = $1 and platform = $2""").execute(Tuple.of(target.app().name(), target.platform().name()))
                .map(rows -> rows.rowCount() == 0 ? Optional.empty() : Optional.of(of(rows.iterator().next())));
    }

    private static MinimumVersion of(Row row) {
        return new MinimumVersion(SoftwareVersion.parse(row.getString("minimum_version")),
                SoftwareVersion.parse(row.getString("previous_minimum")), SqlTime.instant(row, "required_from"),
                row.getString("message"));
    }

    private static Map<String, Object> detail(MinimumVersion rule) {
        Map<String, Object> detail = new HashMap<>();
        detail.put("minimum", rule.minimum().toString());
        detail.put("previous", rule.previous() != null ? rule.previous().toString() : null);
        detail.put("requiredFrom", rule.requiredFrom().toString());
        return detail;
    }
}
