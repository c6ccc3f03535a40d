package com.garage.mobile.domain.recommendation;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.time.GarageClock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;

/**
 * A vehicle's recommendations. A customer reads their own vehicle's that are open, accepted or
 * booked, and their first reading counts as SHOWN in the measures; staff read all but resolved ones.
 */
@ApplicationScoped
public class RecommendationQueries {

    static final String COLUMNS = "id, vehicle_id, kind, title, reasons, evidence, due_on, status, quiet_until,"
            + " version, created_at, appointment_id";

    private final Pool pool;
    private final GarageClock clock;

    public RecommendationQueries(Pool pool, GarageClock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** Fails with not-found unless the viewer may see the vehicle. */
    public Uni<Void> requireVehicle(Actor viewer, UUID vehicleId) {
        return pool.preparedQuery("select 1 from vehicle where garage_id = $1 and id = $2"
                        + " and ($3::uuid is null or customer_id = $3)")
                .execute(Tuple.of(viewer.garageId(), vehicleId, viewer.isCustomer() ? viewer.personId() : null))
                .invoke(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Vehicle");
                    }
                }).replaceWithVoid();
    }

    public Uni<List<Recommendation>> ofVehicle(Actor viewer, UUID vehicleId) {
        // Staff see what a holdout keeps from the customer: the advisor still checks in what is due.
        String statuses = viewer.isCustomer() ? "('OPEN', 'ACCEPTED', 'BOOKED')"
                : "('OPEN', 'ACCEPTED', 'BOOKED', 'DISMISSED', 'SNOOZED', 'HELD_OUT')";
        OffsetDateTime now = clock.now().atOffset(ZoneOffset.UTC);
        return pool.withTransaction(connection -> connection.preparedQuery("select " + COLUMNS + " from recommendation"
                        + " where garage_id = $1 and vehicle_id = $2 and status in " + statuses
                        + " order by case kind when 'SAFETY_RECALL' then 0 else 1 end, due_on nulls last, created_at")
                .execute(Tuple.of(viewer.garageId(), vehicleId))
                .call(rows -> !viewer.isCustomer() ? Uni.createFrom().voidItem() : connection.preparedQuery("""
                        with shown as (update recommendation set shown_at = $3
                                       where garage_id = $1 and vehicle_id = $2 and shown_at is null
                                         and status in ('OPEN', 'ACCEPTED', 'BOOKED') returning id, kind)
                        insert into recommendation_outcome (garage_id, recommendation_id, kind, outcome, at)
                        select $1, id, kind, 'SHOWN', $3 from shown""")
                        .execute(Tuple.of(viewer.garageId(), vehicleId, now)))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(RecommendationQueries::of).toList()));
    }

    /** The recommendations with these ids of the garage (and customer, when not null), for the offline copy. */
    public Uni<List<Recommendation>> byIds(UUID garageId, UUID customerId, List<UUID> ids) {
        return pool.preparedQuery("select " + COLUMNS + " from recommendation where garage_id = $1"
                        + " and ($2::uuid is null or customer_id = $2) and id = any($3)")
                .execute(Tuple.of(garageId, customerId, ids.toArray(UUID[]::new)))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(RecommendationQueries::of).toList());
    }

    static Recommendation of(Row row) {
        return new Recommendation(row.getUUID("id"), row.getUUID("vehicle_id"),
                RecommendationKind.valueOf(row.getString("kind")), row.getString("title"),
                row.getJsonArray("reasons").stream().map(String::valueOf).toList(),
                row.getJsonObject("evidence").getMap(), row.getLocalDate("due_on"), row.getString("status"),
                Optional.ofNullable(row.getOffsetDateTime("quiet_until")).map(OffsetDateTime::toInstant).orElse(null),
                row.getLong("version"), row.getOffsetDateTime("created_at").toInstant(), row.getUUID("appointment_id"));
    }
}
