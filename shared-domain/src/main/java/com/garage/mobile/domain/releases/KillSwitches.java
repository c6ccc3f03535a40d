package com.garage.mobile.domain.releases;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.access.AppBuild;
import com.garage.mobile.domain.access.AppPlatform;
import com.garage.mobile.domain.access.SoftwareVersion;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.audit.AuditedAction;
import com.garage.mobile.domain.notification.SqlTime;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.time.GarageClock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Kill switches: admins turn a feature off for a version range, a ring or a garage; the apps learn
 * it from the remote configuration and the BFFs refuse the feature's server side themselves.
 */
@ApplicationScoped
public class KillSwitches {

    public static final String SET = "kill-switch.set";
    public static final String REMOVE = "kill-switch.remove";
    private static final String COLUMNS = """
            id, feature, app, platform, from_version, to_version, ring, target_garage_id, message""";
    private static final String REMOVE_ONE = """
            update kill_switch set removed_at = $2 where id = $1 and removed_at is null returning target_garage_id""";
    private static final String INSERT = """
            insert into kill_switch (id, garage_id, feature, app, platform, from_version, to_version, ring,
                target_garage_id, message, created_by, created_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)""";

    private final Pool pool;
    private final ReleaseRings rings;
    private final AuditTrail audit;
    private final AuditedAction audited;
    private final GarageClock clock;
    private final ReleaseOperator operator;
    private final ReadThrough<AppAudience, List<KillSwitch>> active;

    public KillSwitches(Pool pool, ReleaseRings rings, AuditTrail audit, AuditedAction audited, GarageClock clock,
            ReleasesConfig config, ReleaseOperator operator) {
        this.pool = pool;
        this.rings = rings;
        this.audit = audit;
        this.audited = audited;
        this.clock = clock;
        this.operator = operator;
        this.active = new ReadThrough<>(clock, config.settingsTtl(), this::read);
    }

    /** The features turned off for this person on this build, each with the message the app shows. */
    public Uni<Map<String, String>> offFor(Actor person, AppBuild build) {
        return active.get(build.app()).chain(switches -> switches.isEmpty() ? Uni.createFrom().item(Map.of())
                : rings.ringOf(person.personId(), build.app()).map(ring -> {
                    Map<String, String> off = new LinkedHashMap<>();
                    switches.stream().filter(kill -> kill.holdsFor(build, ring, person.garageId()))
                            .forEach(kill -> off.putIfAbsent(kill.feature(), kill.message()));
                    return off;
                }));
    }

    /** The switches in force for an app, oldest first. */
    public Uni<List<KillSwitch>> activeFor(AppAudience app) {
        return read(app);
    }

    public Uni<KillSwitch> set(Actor admin, KillSwitch draft) {
        UUID id = UUID.randomUUID();
        return audited.run(admin, SET, "kill-switch", id, () -> {
            Instant now = clock.now();
            Tuple row = Tuple.tuple().addUUID(id).addUUID(admin.garageId()).addString(draft.feature())
                    .addString(draft.app().name()).addString(name(draft.platform()))
                    .addString(text(draft.fromVersion())).addString(text(draft.toVersion()))
                    .addString(name(draft.ring())).addUUID(draft.garageId()).addString(draft.message())
                    .addString(admin.subject()).addOffsetDateTime(SqlTime.at(now));
            return pool.withTransaction(connection -> mayAim(admin, draft.garageId())
                    .chain(() -> connection.preparedQuery(INSERT).execute(row))
                    .call(() -> audit.record(connection, admin, SET, "kill-switch", id, AuditOutcome.SUCCESS,
                            Map.of("feature", draft.feature(), "app", draft.app().name()), now)))
                    .invoke(active::forget)
                    .replaceWith(new KillSwitch(id, draft.feature(), draft.app(), draft.platform(), draft.fromVersion(),
                            draft.toVersion(), draft.ring(), draft.garageId(), draft.message()));
        });
    }

    /**
     * Turns the feature back on: the switch stops holding (its row stays, for the record). A switch
     * aimed at another garage is not found; one for every garage is the operator's to remove.
     */
    public Uni<Void> remove(Actor admin, UUID id) {
        // A refusal fails the transaction, which takes the removal back.
        return audited.run(admin, REMOVE, "kill-switch", id, () -> pool.withTransaction(connection -> connection
                .preparedQuery(REMOVE_ONE)
                .execute(Tuple.of(id, SqlTime.at(clock.now())))
                .chain(removed -> {
                    UUID aimedAt = removed.rowCount() == 0 ? null
                            : removed.iterator().next().getUUID("target_garage_id");
                    if (removed.rowCount() == 0 || (aimedAt != null && !aimedAt.equals(admin.garageId()))) {
                        return Uni.createFrom().failure(ProblemException.notFound("Kill switch"));
                    }
                    return mayAim(admin, aimedAt);
                })
                .chain(() -> audit.record(connection, admin, REMOVE, "kill-switch", id, AuditOutcome.SUCCESS,
                        Map.of(), clock.now()))).invoke(active::forget));
    }

    // An admin aims a switch at their own garage; every garage (naming none) is the operator's.
    private Uni<Void> mayAim(Actor admin, UUID garageId) {
        if (garageId == null) {
            return operator.require(admin);
        }
        if (!garageId.equals(admin.garageId())) {
            return Uni.createFrom().failure(ProblemException.invalidField("garageId",
                    "must be your own garage, or left out for every garage"));
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<List<KillSwitch>> read(AppAudience app) {
        return pool.preparedQuery("select " + COLUMNS + " from kill_switch where app = $1 and removed_at is null"
                + " order by created_at, id").execute(Tuple.of(app.name())).map(rows -> {
                    List<KillSwitch> switches = new ArrayList<>();
                    for (Row row : rows) {
                        switches.add(of(row));
                    }
                    return switches;
                });
    }

    private static KillSwitch of(Row row) {
        String platform = row.getString("platform");
        String ring = row.getString("ring");
        return new KillSwitch(row.getUUID("id"), row.getString("feature"), AppAudience.valueOf(row.getString("app")),
                platform != null ? AppPlatform.valueOf(platform) : null,
                SoftwareVersion.parse(row.getString("from_version")), SoftwareVersion.parse(row.getString("to_version")),
                ring != null ? Ring.valueOf(ring) : null, row.getUUID("target_garage_id"), row.getString("message"));
    }

    private static String name(Enum<?> value) {
        return value != null ? value.name() : null;
    }

    private static String text(SoftwareVersion version) {
        return version != null ? version.toString() : null;
    }
}
