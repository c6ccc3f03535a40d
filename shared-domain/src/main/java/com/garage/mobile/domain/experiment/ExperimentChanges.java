package com.garage.mobile.domain.experiment;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.problem.Problem;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.problem.StaleVersionException;
import com.garage.mobile.domain.notification.FieldErrors;
import com.garage.mobile.domain.time.GarageClock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What an admin does to an experiment, each in one transaction with its audit entry: start one
 * from a draft, ramp its exposure up or down, stop it shipping one variant to everyone.
 */
@ApplicationScoped
public class ExperimentChanges {

    private final Pool pool;
    private final Experiments experiments;
    private final AuditTrail audit;
    private final GarageClock clock;

    public ExperimentChanges(Pool pool, Experiments experiments, AuditTrail audit, GarageClock clock) {
        this.pool = pool;
        this.experiments = experiments;
        this.audit = audit;
        this.clock = clock;
    }

    public Uni<Experiment> start(Actor admin, ExperimentDraft draft, Set<String> registeredEvents) {
        draft.check(registeredEvents);
        UUID id = UUID.randomUUID();
        Instant now = clock.now();
        Targeting targeting = draft.targeting() != null ? draft.targeting() : Targeting.everyone();
        Tuple row = Tuple.tuple().addUUID(id).addUUID(admin.garageId()).addString(draft.key())
                .addString(draft.kind().name()).addString(draft.unit().name()).addString(UUID.randomUUID().toString())
                .addValue(Experiments.json(draft.variants())).addValue(Experiments.json(targeting))
                .addInteger(draft.exposurePercent()).addString(draft.goalEvent())
                .addOffsetDateTime(now.atOffset(ZoneOffset.UTC));
        return pool.withTransaction(connection -> connection.preparedQuery("""
                        insert into experiment (id, garage_id, key, kind, unit, salt, variants, targeting,
                            exposure_percent, status, goal_event, created_at, updated_at)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'RUNNING', $10, $11, $11)
                        on conflict (garage_id, key) do nothing returning id""").execute(row)
                .invoke(inserted -> {
                    if (inserted.size() == 0) {
                        throw ProblemException.invalidField("key", "is taken by another experiment or flag of the garage");
                    }
                })
                .chain(() -> audited(connection, admin, "experiment.start", id,
                        Map.of("key", draft.key(), "exposurePercent", draft.exposurePercent()), now)))
                .chain(() -> found(admin, id));
    }

    public Uni<Experiment> ramp(Actor admin, UUID id, int exposurePercent, long baseVersion) {
        if (exposurePercent < 0 || exposurePercent > 100) {
            new FieldErrors().add("exposurePercent", "must be from 0 to 100").throwIfAny();
        }
        return change(admin, id, baseVersion, "experiment.ramp", Map.of("exposurePercent", exposurePercent),
                (connection, experiment, now) -> connection.preparedQuery("update experiment set exposure_percent = $3,"
                        + " version = version + 1, updated_at = $4 where garage_id = $1 and id = $2")
                        .execute(Tuple.of(admin.garageId(), id, exposurePercent, now.atOffset(ZoneOffset.UTC))));
    }

    public Uni<Experiment> stop(Actor admin, UUID id, String shipped, long baseVersion) {
        return change(admin, id, baseVersion, "experiment.stop", Map.of("shippedVariant", String.valueOf(shipped)),
                (connection, experiment, now) -> {
                    if (shipped == null || experiment.variant(shipped).isEmpty()) {
                        throw ProblemException.invalidField("variant", "must be one of the experiment's variants");
                    }
                    return connection.preparedQuery("update experiment set status = 'STOPPED', shipped_variant = $3,"
                            + " version = version + 1, updated_at = $4 where garage_id = $1 and id = $2")
                            .execute(Tuple.of(admin.garageId(), id, shipped, now.atOffset(ZoneOffset.UTC)));
                });
    }

    @FunctionalInterface
    interface Update {
        Uni<?> apply(SqlConnection connection, Experiment experiment, Instant now);
    }

    private Uni<Experiment> change(Actor admin, UUID id, long baseVersion, String action, Map<String, Object> detail,
            Update update) {
        Instant now = clock.now();
        return pool.withTransaction(connection -> experiments.lock(connection, admin.garageId(), id)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("Experiment")))
                .invoke(experiment -> requireRunning(experiment, baseVersion))
                .chain(experiment -> update.apply(connection, experiment, now))
                .chain(() -> audited(connection, admin, action, id, detail, now)))
                .chain(() -> found(admin, id));
    }

    private static void requireRunning(Experiment experiment, long baseVersion) {
        if (experiment.version() != baseVersion) {
            throw new StaleVersionException("experiment", baseVersion, experiment.version());
        }
        if (experiment.status() != Experiment.Status.RUNNING) {
            throw new ProblemException(Problem.of(ProblemType.INVALID_TRANSITION, "The experiment was stopped."));
        }
    }

    private Uni<Void> audited(SqlConnection connection, Actor admin, String action, UUID id, Map<String, Object> detail,
            Instant now) {
        return audit.record(connection, admin, action, "experiment", id, AuditOutcome.SUCCESS, detail, now);
    }

    private Uni<Experiment> found(Actor admin, UUID id) {
        return experiments.find(admin.garageId(), id).map(found -> found.orElseThrow());
    }
}
