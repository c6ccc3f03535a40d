package com.garage.mobile.domain.releases;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.audit.AuditedAction;
import com.garage.mobile.domain.notification.SqlTime;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.releases.RolloutProgress.RolloutMode;
import com.garage.mobile.domain.time.GarageClock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Staged rollouts of a release, one per ring: started on a schedule or with a percentage, raised,
 * halted and resumed by a person (each audited); {@link AutomaticHalt} halts through {@link #halt} too.
 * A percentage never goes down, so that no one who was offered the release is taken out.
 */
@ApplicationScoped
public class ReleaseRollouts {

    public static final String START = "release.rollout";
    public static final String HALT = "release.halt";
    public static final String RESUME = "release.resume";
    private static final String LOCK = "select " + Rollout.COLUMNS
            + " from release_rollout o where o.release_id = $1 and o.ring = $2 for update";
    private static final String INSERT = """
            insert into release_rollout (release_id, ring, garage_id, mode, manual_percent_bp, running_since, started_at)
            values ($1, $2, $3, $4, $5, $6, $6)""";
    private static final String SAVE = """
            update release_rollout set manual_percent_bp = $3, elapsed_ms = $4, running_since = $5, halted_at = $6,
                halt_reason = $7, halted_by = $8, version_no = version_no + 1
            where release_id = $1 and ring = $2""";

    private final Pool pool;
    private final ReleaseRegistry registry;
    private final AuditTrail audit;
    private final AuditedAction audited;
    private final GarageClock clock;
    private final ReleaseOperator operator;

    public ReleaseRollouts(Pool pool, ReleaseRegistry registry, AuditTrail audit, AuditedAction audited,
            GarageClock clock, ReleaseOperator operator) {
        this.pool = pool;
        this.registry = registry;
        this.audit = audit;
        this.audited = audited;
        this.clock = clock;
        this.operator = operator;
    }

    /**
     * Starts the release's rollout to the ring, or raises a manual one: scheduled (no percentage) or
     * manual (a percentage in basis points). A scheduled rollout is started once; a manual one only
     * goes up, and not while halted.
     */
    public Uni<Rollout> roll(Actor admin, UUID releaseId, Ring ring, Integer percentBp) {
        return audited.run(admin, START, "release", releaseId, () -> operator.require(admin)
                .chain(() -> registry.find(releaseId))
                .chain(release -> pool.withTransaction(connection -> lock(connection, releaseId, ring)
                        .chain(current -> {
                            Instant now = clock.now();
                            Uni<Void> change = current == null ? insert(connection, admin, releaseId, ring, percentBp, now)
                                    : raise(connection, current, percentBp, now);
                            return change.call(() -> audit.record(connection, admin, START, "release", releaseId,
                                    AuditOutcome.SUCCESS, detail(ring, percentBp), now));
                        })))
                .chain(() -> find(releaseId, ring)));
    }

    /** Halts the rollout where it stands; the actor is a person or the automatic halt. */
    public Uni<Rollout> halt(Actor actor, UUID releaseId, Ring ring, String reason) {
        return audited.run(actor, HALT, "release", releaseId, () -> operator.require(actor)
                .chain(() -> pool.withTransaction(connection ->
                        halt(connection, actor, releaseId, ring, reason, clock.now()).replaceWithVoid()))
                .chain(() -> find(releaseId, ring)));
    }

    /**
     * Halts in the caller's transaction; says whether this call halted it (false when it was halted
     * already, so that of two pods evaluating at once only one tells the admins).
     */
    public Uni<Boolean> halt(SqlConnection connection, Actor actor, UUID releaseId, Ring ring, String reason,
            Instant now) {
        return lock(connection, releaseId, ring).chain(current -> {
            if (current == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Rollout"));
            }
            if (current.progress().halted()) {
                return Uni.createFrom().item(false);
            }
            RolloutProgress halted = current.progress().haltAt(now);
            return save(connection, current, halted, now, reason, actor.subject())
                    .call(() -> audit.record(connection, actor, HALT, "release", releaseId, AuditOutcome.SUCCESS,
                            Map.of("ring", ring.name(), "reason", reason), now))
                    .replaceWith(true);
        });
    }

    /** Resumes a halted rollout where it stood: a person's decision. */
    public Uni<Rollout> resume(Actor admin, UUID releaseId, Ring ring) {
        return audited.run(admin, RESUME, "release", releaseId, () -> operator.require(admin)
                .chain(() -> pool.withTransaction(connection ->
                lock(connection, releaseId, ring).chain(current -> {
                    if (current == null) {
                        return Uni.createFrom().failure(ProblemException.notFound("Rollout"));
                    }
                    if (!current.progress().halted()) {
                        return Uni.createFrom().failure(new ProblemException(ProblemType.INVALID_TRANSITION,
                                "The rollout to %s is not halted.".formatted(ring)));
                    }
                    Instant now = clock.now();
                    return save(connection, current, current.progress().resumeAt(now), null, null, null)
                            .call(() -> audit.record(connection, admin, RESUME, "release", releaseId,
                                    AuditOutcome.SUCCESS, Map.of("ring", ring.name(),
                                            "haltedFor", current.haltReason() != null ? current.haltReason() : ""),
                                    now));
                }))).chain(() -> find(releaseId, ring)));
    }

    public Uni<Rollout> find(UUID releaseId, Ring ring) {
        return pool.preparedQuery("select " + Rollout.COLUMNS + " from release_rollout o where o.release_id = $1"
                + " and o.ring = $2").execute(Tuple.of(releaseId, ring.name())).map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw ProblemException.notFound("Rollout");
                    }
                    return Rollout.of(rows.iterator().next());
                });
    }

    /** The release's rollouts, earliest ring first. */
    public Uni<List<Rollout>> of(UUID releaseId) {
        return pool.preparedQuery("select " + Rollout.COLUMNS + " from release_rollout o where o.release_id = $1")
                .execute(Tuple.of(releaseId)).map(rows -> {
                    List<Rollout> rollouts = new ArrayList<>();
                    for (Row row : rows) {
                        rollouts.add(Rollout.of(row));
                    }
                    rollouts.sort((a, b) -> a.ring().compareTo(b.ring()));
                    return rollouts;
                });
    }

    private static Uni<Rollout> lock(SqlConnection connection, UUID releaseId, Ring ring) {
        return connection.preparedQuery(LOCK).execute(Tuple.of(releaseId, ring.name()))
                .map(rows -> rows.rowCount() == 0 ? null : Rollout.of(rows.iterator().next()));
    }

    private static Uni<Void> insert(SqlConnection connection, Actor admin, UUID releaseId, Ring ring,
            Integer percentBp, Instant now) {
        RolloutMode mode = percentBp == null ? RolloutMode.SCHEDULED : RolloutMode.MANUAL;
        return connection.preparedQuery(INSERT).execute(Tuple.tuple().addUUID(releaseId).addString(ring.name())
                .addUUID(admin.garageId()).addString(mode.name()).addInteger(percentBp)
                .addOffsetDateTime(SqlTime.at(now))).replaceWithVoid();
    }

    private static Uni<Void> raise(SqlConnection connection, Rollout current, Integer percentBp, Instant now) {
        RolloutProgress progress = current.progress();
        if (progress.mode() == RolloutMode.SCHEDULED || percentBp == null) {
            return refuse("The rollout to %s has started already; halt or resume it.".formatted(progress.ring()));
        }
        if (progress.halted()) {
            return refuse("The rollout to %s is halted; resume it before raising it.".formatted(progress.ring()));
        }
        if (percentBp < progress.manualPercentBp()) {
            return refuse("A rollout only goes up (it is at %d bp), so that no one offered it is taken out."
                    .formatted(progress.manualPercentBp()));
        }
        RolloutProgress raised = new RolloutProgress(progress.ring(), progress.mode(), percentBp, progress.elapsed(),
                progress.runningSince());
        return save(connection, current, raised, null, null, null);
    }

    private static Uni<Void> save(SqlConnection connection, Rollout current, RolloutProgress next, Instant haltedAt,
            String reason, String haltedBy) {
        return connection.preparedQuery(SAVE).execute(Tuple.tuple().addUUID(current.releaseId())
                .addString(next.ring().name()).addInteger(next.manualPercentBp()).addLong(next.elapsed().toMillis())
                .addOffsetDateTime(SqlTime.at(next.runningSince())).addOffsetDateTime(SqlTime.at(haltedAt))
                .addString(reason).addString(haltedBy)).replaceWithVoid();
    }

    private static Uni<Void> refuse(String detail) {
        return Uni.createFrom().failure(new ProblemException(ProblemType.INVALID_TRANSITION, detail));
    }

    private static Map<String, Object> detail(Ring ring, Integer percentBp) {
        Map<String, Object> detail = new HashMap<>();
        detail.put("ring", ring.name());
        detail.put("percentBp", percentBp != null ? percentBp : "scheduled");
        return detail;
    }
}
