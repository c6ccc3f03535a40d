package com.garage.mobile.domain.recommendation;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Origin;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.time.GarageClock;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.jboss.logging.Logger;

/**
 * Retrains each garage's model from its closed jobs on a schedule. Every pod runs the pass; a
 * garage is trained under a transaction-scoped advisory lock taken with {@code try}, so while one
 * pod trains it the others skip it, and a garage whose model is younger than the maximum age is
 * left alone.
 */
@ApplicationScoped
public class ModelTraining {

    public static final String JOB = "recommendation-model";
    public static final String ACTION = "recommendation-model.train";
    private static final Logger LOG = Logger.getLogger(ModelTraining.class);
    private static final String STALE = """
            select g.id from garage g
            where exists (select 1 from job_card j where j.garage_id = g.id and j.status = 'CLOSED')
              and not exists (select 1 from recommendation_model m where m.garage_id = g.id and m.trained_at > $1)""";
    private static final String BASKETS = """
            select j.id, j.concern, coalesce(j.closed_at, j.created_at) as on_day,
                (select coalesce(json_agg(distinct c.code), '[]') from vehicle_trouble_code c
                 where c.vehicle_id = j.vehicle_id and (c.job_id = j.id
                       or c.last_seen_at between j.created_at - interval '14 days' and coalesce(j.closed_at, j.created_at))
                ) as codes,
                (select coalesce(json_agg(w.title), '[]') from (
                    select s.title from job_step s where s.job_id = j.id and s.status = 'DONE'
                    union select l.description from estimate_line l where l.job_id = j.id and l.approval_status = 'APPROVED'
                 ) w) as work
            from job_card j where j.garage_id = $1 and j.status = 'CLOSED' and j.closed_at >= $2""";

    private final Pool pool;
    private final ModelStore store;
    private final RecommendationConfig.Model config;
    private final boolean scheduled;
    private final AuditTrail audit;
    private final GarageClock clock;

    public ModelTraining(Pool pool, ModelStore store, RecommendationConfig config, AuditTrail audit,
            GarageClock clock) {
        this.audit = audit;
        this.pool = pool;
        this.store = store;
        this.config = config.model();
        this.scheduled = config.scheduled();
        this.clock = clock;
    }

    @Scheduled(every = "${garage.recommendations.model.every:6h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledPass() {
        if (!scheduled) {
            return Uni.createFrom().voidItem();
        }
        return retrainStale().onFailure().invoke(e -> LOG.warnf("Model training pass failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Trains every garage whose model is missing or older than the maximum age; answers how many. */
    public Uni<Integer> retrainStale() {
        Instant now = clock.now();
        String pass = UUID.randomUUID().toString();
        return pool.preparedQuery(STALE).execute(Tuple.of(now.minus(config.maxAge()).atOffset(ZoneOffset.UTC)))
                .chain(rows -> Multi.createFrom().iterable(rows).map(row -> row.getUUID("id"))
                        .onItem().transformToUniAndConcatenate(garage -> train(Actor.system(garage,
                                Origin.scheduler(JOB, pass))))
                        .filter(Optional::isPresent).collect().asList())
                .map(List::size);
    }

    /** Trains the garage now, unless another pod is training it; answers the new version, audited as the trainer. */
    public Uni<Optional<Integer>> train(Actor trainer) {
        Instant now = clock.now();
        UUID garageId = trainer.garageId();
        return pool.withTransaction(connection -> connection
                .preparedQuery("select pg_try_advisory_xact_lock(hashtextextended('recommendation-model:' || $1, 0))")
                .execute(Tuple.of(garageId.toString()))
                .chain(locked -> !locked.iterator().next().getBoolean(0) ? Uni.createFrom().item(Optional.empty())
                        : connection.preparedQuery(BASKETS).execute(Tuple.of(garageId,
                                        now.minus(Duration.ofDays(config.historyDays())).atOffset(ZoneOffset.UTC)))
                                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(ModelTraining::basket)
                                        .toList())
                                .map(baskets -> AssociationRules.train(baskets, config.minTogether(),
                                        config.minConfidence()))
                                .chain(model -> store.save(connection, garageId, model, now)
                                        .call(version -> audit.record(connection, trainer, ACTION,
                                                "recommendation-model", version, AuditOutcome.SUCCESS,
                                                Map.of("jobsUsed", model.jobsUsed(), "rules", model.rules().size()),
                                                now)))
                                .map(Optional::of)));
    }

    private static JobBasket basket(Row row) {
        Set<String> codes = new LinkedHashSet<>();
        row.getJsonArray("codes").forEach(code -> codes.add(String.valueOf(code)));
        Set<String> work = new LinkedHashSet<>();
        JsonArray titles = row.getJsonArray("work");
        titles.forEach(title -> work.add(JobSignals.work(String.valueOf(title))));
        var day = row.getOffsetDateTime("on_day").toLocalDate();
        return new JobBasket(row.getUUID("id").toString(), day, JobSignals.of(row.getString("concern"), codes, day),
                work);
    }
}
