package com.garage.mobile.domain.analytics;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Conversion and median time between steps of a {@link Funnel} for a garage, per week the journey
 * started and app version, computed in PostgreSQL. A journey reaches a step when it reached every
 * earlier one, each first occurrence no earlier than the one before; journeys started in the period
 * are followed for {@link #FOLLOW_DAYS} days after it.
 */
@ApplicationScoped
public class FunnelReports {

    static final int FOLLOW_DAYS = 30;
    static final String REPORT = """
            with steps as (select name, position from unnest($2::text[]) with ordinality as s(name, position)),
            firsts as (
                select e.journey_id, s.position, min(e.occurred_at) as at
                from analytics_event e join steps s on s.name = e.name
                where e.garage_id = $1 and e.journey_id is not null
                  and e.occurred_at >= $3::timestamptz and e.occurred_at < $4::timestamptz + make_interval(days => $5::int)
                group by e.journey_id, s.position),
            ordered as (
                select journey_id, position, at,
                       position = row_number() over w and at >= coalesce(lag(at) over w, at) as step_ok,
                       extract(epoch from at - lag(at) over w)::float8 as seconds_from_previous
                from firsts window w as (partition by journey_id order by position)),
            reached as (
                select o.*, bool_and(step_ok) over (partition by journey_id order by position) as reached
                from ordered o),
            starts as (select journey_id, at as started_at from reached where position = 1 and at >= $3 and at < $4),
            versions as (
                select distinct on (e.journey_id) e.journey_id, e.app_version
                from analytics_event e join starts using (journey_id)
                where e.garage_id = $1 and e.app_version is not null
                order by e.journey_id, e.occurred_at),
            counted as (
                select date_trunc('week', st.started_at at time zone 'UTC')::date as week,
                       coalesce(v.app_version, 'unknown') as app_version, r.position, count(*) as journeys,
                       percentile_cont(0.5) within group (order by r.seconds_from_previous) as median_seconds
                from reached r join starts st using (journey_id) left join versions v using (journey_id)
                where r.reached
                group by 1, 2, 3)
            select f.week, f.app_version, s.position, s.name, coalesce(c.journeys, 0) as journeys,
                   coalesce(c.journeys, 0)::float8 / f.journeys as conversion,
                   case when s.position > 1 then c.median_seconds end as median_seconds
            from counted f cross join steps s
            left join counted c on c.week = f.week and c.app_version = f.app_version and c.position = s.position
            where f.position = 1
            order by f.week, f.app_version, s.position""";

    private final Pool pool;

    public FunnelReports(Pool pool) {
        this.pool = pool;
    }

    /** The funnel's steps for the journeys of the garage that started in [from, to). */
    public Uni<List<FunnelStep>> report(UUID garageId, Funnel funnel, Instant from, Instant to) {
        Tuple arguments = Tuple.of(garageId, funnel.steps().toArray(String[]::new), from.atOffset(ZoneOffset.UTC),
                to.atOffset(ZoneOffset.UTC), FOLLOW_DAYS);
        return pool.preparedQuery(REPORT).execute(arguments).map(rows -> {
            List<FunnelStep> steps = new ArrayList<>();
            for (Row row : rows) {
                steps.add(new FunnelStep(row.getLocalDate("week"), row.getString("app_version"),
                        row.getLong("position").intValue(), row.getString("name"), row.getLong("journeys"),
                        row.getDouble("conversion"), row.getDouble("median_seconds")));
            }
            return steps;
        });
    }
}
