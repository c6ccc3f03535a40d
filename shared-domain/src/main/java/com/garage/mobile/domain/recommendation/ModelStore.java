package com.garage.mobile.domain.recommendation;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;

/**
 * Keeps the learned models in PostgreSQL: each training adds a version with its rules; the highest
 * version is the one in use, the older ones stay for comparison.
 */
@ApplicationScoped
public class ModelStore {

    private final Pool pool;

    public ModelStore(Pool pool) {
        this.pool = pool;
    }

    /** Saves a new version in the caller's transaction and answers its number. */
    public Uni<Integer> save(SqlConnection connection, UUID garageId, AssociationModel model, Instant trainedAt) {
        UUID id = UUID.randomUUID();
        return connection.preparedQuery("""
                insert into recommendation_model (id, garage_id, version, trained_at, jobs_used, rule_count)
                select $1, $2, coalesce(max(version), 0) + 1, $3, $4, $5 from recommendation_model where garage_id = $2
                returning version""")
                .execute(Tuple.of(id, garageId, trainedAt.atOffset(ZoneOffset.UTC), model.jobsUsed(),
                        model.rules().size()))
                .map(rows -> rows.iterator().next().getInteger("version"))
                .call(() -> model.rules().isEmpty() ? Uni.createFrom().voidItem() : connection.preparedQuery("""
                        insert into recommendation_rule (model_id, antecedent, consequent, together, antecedent_count,
                            confidence, lift) values ($1, $2, $3, $4, $5, $6, $7)""")
                        .executeBatch(model.rules().stream().map(rule -> Tuple.from(List.of(id, rule.antecedent(),
                                rule.consequent(), rule.together(), rule.antecedentCount(), rule.confidence(),
                                rule.lift()))).toList()).replaceWithVoid());
    }

    /** The garage's model in use, if it has trained one. */
    public Uni<Optional<LearnedModel>> latest(UUID garageId) {
        return pool.preparedQuery("select id, version, trained_at, jobs_used from recommendation_model"
                        + " where garage_id = $1 order by version desc limit 1").execute(Tuple.of(garageId))
                .chain(rows -> rows.size() == 0 ? Uni.createFrom().item(Optional.<LearnedModel>empty())
                        : withRules(rows.iterator().next()).map(Optional::of));
    }

    private Uni<LearnedModel> withRules(Row model) {
        return pool.preparedQuery("select antecedent, consequent, together, antecedent_count, confidence, lift"
                        + " from recommendation_rule where model_id = $1").execute(Tuple.of(model.getUUID("id")))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(row -> new AssociationRule(
                        row.getString("antecedent"), row.getString("consequent"), row.getInteger("together"),
                        row.getInteger("antecedent_count"), row.getDouble("confidence"), row.getDouble("lift")))
                        .toList())
                .map(rules -> new LearnedModel(model.getInteger("version"),
                        model.getOffsetDateTime("trained_at").toInstant(), model.getInteger("jobs_used"),
                        new AssociationModel(rules, model.getInteger("jobs_used"), Map.of())));
    }
}
