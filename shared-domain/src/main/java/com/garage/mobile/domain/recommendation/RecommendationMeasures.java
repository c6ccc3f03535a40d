package com.garage.mobile.domain.recommendation;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

/**
 * What the garage's recommendations earn, per kind and week (ISO weeks, Monday, UTC): how many were
 * shown to customers, accepted, booked, and booked then approved and paid — a job of the vehicle
 * opened from the day before the booking on, with approved work and a succeeded payment. Each
 * recommendation counts once per step and week.
 */
@ApplicationScoped
public class RecommendationMeasures {

    /** One kind's funnel in one week. */
    public record Week(LocalDate week, RecommendationKind kind, long shown, long accepted, long booked,
            long approvedAndPaid) {
    }

    private static final String FUNNEL = """
            with o as (
                select r.kind, (date_trunc('week', o.at at time zone 'UTC'))::date as week, o.outcome,
                    o.recommendation_id, o.at, r.vehicle_id
                from recommendation_outcome o join recommendation r on r.id = o.recommendation_id
                where o.garage_id = $1 and o.at >= $2)
            select week, kind,
                count(distinct recommendation_id) filter (where outcome = 'SHOWN') as shown,
                count(distinct recommendation_id) filter (where outcome = 'ACCEPTED') as accepted,
                count(distinct recommendation_id) filter (where outcome = 'BOOKED') as booked,
                count(distinct recommendation_id) filter (where outcome = 'BOOKED' and exists (
                    select 1 from job_card j join payment p on p.job_id = j.id and p.status = 'SUCCEEDED'
                    where j.vehicle_id = o.vehicle_id and j.created_at >= o.at - interval '1 day'
                      and exists (select 1 from estimate_line l where l.job_id = j.id
                                  and l.approval_status = 'APPROVED'))) as approved_paid
            from o group by week, kind order by week, kind""";

    private final Pool pool;

    public RecommendationMeasures(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<Week>> since(UUID garageId, Instant from) {
        return pool.preparedQuery(FUNNEL).execute(Tuple.of(garageId, from.atOffset(ZoneOffset.UTC)))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(row -> new Week(
                        row.getLocalDate("week"), RecommendationKind.valueOf(row.getString("kind")),
                        row.getLong("shown"), row.getLong("accepted"), row.getLong("booked"),
                        row.getLong("approved_paid"))).toList());
    }
}
