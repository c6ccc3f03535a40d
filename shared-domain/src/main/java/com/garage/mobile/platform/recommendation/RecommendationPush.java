package com.garage.mobile.platform.recommendation;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Origin;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.notification.NotificationTexts;
import com.garage.mobile.domain.notification.PlannedNotification;
import com.garage.mobile.domain.notification.PushPriority;
import com.garage.mobile.domain.notification.SqlTime;
import com.garage.mobile.domain.partner.recall.RecallNotices;
import com.garage.mobile.domain.recommendation.RecommendationConfig;
import com.garage.mobile.domain.recommendation.RecommendationKind;
import com.garage.mobile.domain.recommendation.VehicleRecommendations;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.notification.pipeline.OutboxWriter;
import com.garage.mobile.platform.outbox.OutboxDispatcher;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Pushes new recommendations to the customer's phones, in the consent category of their kind
 * ({@code SAFETY} for recalls, {@code SERVICE_REMINDERS} otherwise), at most
 * {@code garage.recommendations.pushes-per-week} per customer over any seven days, safety first. Every
 * pod runs the pass; a customer's pushes are decided under an advisory lock and each recommendation is
 * claimed once ({@code pushed_at}). One over the cap waits for a later pass, until it is a week old.
 * Quiet hours and consent at send time are the dispatcher's gates, as for every notification.
 */
@ApplicationScoped
public class RecommendationPush {

    public static final String JOB = "recommendation-push";
    public static final String ACTION = "recommendation.push";
    private static final Logger LOG = Logger.getLogger(RecommendationPush.class);
    private static final String NEW = """
            select r.id, r.garage_id, r.customer_id, r.vehicle_id, r.kind, r.subject, r.title, c.preferred_language,
                   v.make || ' ' || v.model as vehicle
            from recommendation r join customer c on c.id = r.customer_id join vehicle v on v.id = r.vehicle_id
            where r.status = 'OPEN' and r.pushed_at is null and r.created_at > $1
            order by case r.kind when 'SAFETY_RECALL' then 0 else 1 end, r.created_at limit 200""";
    private static final String PUSHED_THIS_WEEK = """
            select count(*) from recommendation_outcome o join recommendation r on r.id = o.recommendation_id
            where r.customer_id = $1 and o.outcome = 'PUSHED' and o.at > $2""";

    private final Pool pool;
    private final OutboxWriter outbox;
    private final OutboxDispatcher dispatcher;
    private final NotificationTexts texts;
    private final AuditTrail audit;
    private final RecommendationConfig config;
    private final GarageClock clock;

    public RecommendationPush(Pool pool, OutboxWriter outbox, OutboxDispatcher dispatcher, NotificationTexts texts,
            AuditTrail audit, RecommendationConfig config, GarageClock clock) {
        this.pool = pool;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.texts = texts;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${garage.recommendations.push-every:15m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledPass() {
        if (!config.scheduled()) {
            return Uni.createFrom().voidItem();
        }
        return pushOnce().onFailure().invoke(e -> LOG.warnf("Recommendation push pass failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One pass; says how many recommendations it pushed to at least one device. */
    public Uni<Integer> pushOnce() {
        Instant now = clock.now();
        Origin pass = Origin.scheduler(JOB, UUID.randomUUID().toString());
        return pool.preparedQuery(NEW).execute(Tuple.of(SqlTime.at(now.minus(Duration.ofDays(7)))))
                .map(rows -> {
                    List<Row> fresh = new ArrayList<>();
                    rows.forEach(fresh::add);
                    return fresh;
                })
                .chain(fresh -> Multi.createFrom().iterable(fresh)
                        .onItem().transformToUniAndConcatenate(row -> pool.withTransaction(connection ->
                                decide(connection, row, pass, now)))
                        .filter(pushed -> pushed).collect().asList())
                .invoke(pushed -> {
                    if (!pushed.isEmpty()) {
                        dispatcher.dispatchSoon();
                    }
                })
                .map(List::size);
    }

    private Uni<Boolean> decide(SqlConnection connection, Row row, Origin pass, Instant now) {
        UUID customer = row.getUUID("customer_id");
        return connection.preparedQuery("select pg_advisory_xact_lock(hashtextextended('recommendation-push:' || $1, 0))")
                .execute(Tuple.of(customer.toString()))
                .chain(() -> connection.preparedQuery(PUSHED_THIS_WEEK)
                        .execute(Tuple.of(customer, SqlTime.at(now.minus(Duration.ofDays(7))))))
                .chain(count -> count.iterator().next().getLong(0) >= config.pushesPerWeek()
                        ? Uni.createFrom().item(false)
                        : claim(connection, row, pass, now));
    }

    private Uni<Boolean> claim(SqlConnection connection, Row row, Origin pass, Instant now) {
        UUID id = row.getUUID("id");
        return connection.preparedQuery("update recommendation set pushed_at = $2 where id = $1 and pushed_at is null")
                .execute(Tuple.of(id, SqlTime.at(now)))
                .chain(claimed -> claimed.rowCount() == 0 ? Uni.createFrom().item(0)
                        : outbox.write(connection, notification(row, now), now))
                .chain(devices -> devices == 0 ? Uni.createFrom().item(false) : connection.preparedQuery(
                                "insert into recommendation_outcome (garage_id, recommendation_id, kind, outcome, at)"
                                        + " values ($1, $2, $3, 'PUSHED', $4)")
                        .execute(Tuple.of(row.getUUID("garage_id"), id, row.getString("kind"), SqlTime.at(now)))
                        .call(() -> audit.record(connection, Actor.system(row.getUUID("garage_id"), pass), ACTION,
                                "recommendation", id, AuditOutcome.SUCCESS, Map.of("devices", devices), now))
                        .replaceWith(true));
    }

    /**
     * A recall's push is the one the recall notice sends when the campaign is first found on the vehicle
     * ({@code RecallPush}, same key): whichever comes first goes, the other is a no-op in the outbox.
     */
    private static String dedupeKey(Row row) {
        return RecommendationKind.SAFETY_RECALL.name().equals(row.getString("kind"))
                ? RecallNotices.notificationKey(row.getUUID("vehicle_id"),
                        row.getString("subject").substring(VehicleRecommendations.RECALL_SUBJECT.length()))
                : "recommendation:" + row.getUUID("id");
    }

    private PlannedNotification notification(Row row, Instant now) {
        UUID id = row.getUUID("id");
        RecommendationKind kind = RecommendationKind.valueOf(row.getString("kind"));
        return new PlannedNotification(row.getUUID("garage_id"), row.getUUID("customer_id"), kind.category(),
                dedupeKey(row), null, kind == RecommendationKind.SAFETY_RECALL ? PushPriority.HIGH
                        : PushPriority.NORMAL, "recommendation-" + id, now.toEpochMilli(), now.plus(Duration.ofDays(7)),
                "recommendation." + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                Map.of("title", row.getString("title"), "vehicle", row.getString("vehicle")), Map.of(),
                Map.of("type", "recommendation.new", "recommendationId", id.toString(),
                        "vehicleId", row.getUUID("vehicle_id").toString(),
                        "link", "garage-customer://vehicles/" + row.getUUID("vehicle_id") + "/recommendations"),
                texts.language(row.getString("preferred_language")));
    }
}
