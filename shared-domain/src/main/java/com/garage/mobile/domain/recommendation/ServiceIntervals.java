package com.garage.mobile.domain.recommendation;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.audit.AuditedAction;
import com.garage.mobile.domain.problem.Problem;
import com.garage.mobile.domain.problem.Problem.FieldError;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.time.GarageClock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

/**
 * The garage's service intervals ({@code service_interval}). A garage that has saved none uses
 * {@link #DEFAULTS}, typical of European passenger cars; saving one replaces the defaults with the
 * garage's table (the defaults are copied in first, so nothing silently disappears).
 */
@ApplicationScoped
public class ServiceIntervals {

    public static final String ACTION = "service-interval.save";
    public static final List<ServiceInterval> DEFAULTS = List.of(
            new ServiceInterval("oil", "Oil and filter change", 15_000, 12, List.of("oil change", "oil and filter",
                    "oil service")),
            new ServiceInterval("brake-fluid", "Brake fluid change", null, 24, List.of("brake fluid")),
            new ServiceInterval("air-filter", "Air filter replacement", 30_000, 24, List.of("air filter")),
            new ServiceInterval("spark-plugs", "Spark plug replacement", 60_000, 48, List.of("spark plug")),
            new ServiceInterval("timing-belt", "Timing belt replacement", 120_000, 72, List.of("timing belt")));

    private final Pool pool;
    private final AuditTrail audit;
    private final AuditedAction audited;
    private final GarageClock clock;

    public ServiceIntervals(Pool pool, AuditTrail audit, AuditedAction audited, GarageClock clock) {
        this.pool = pool;
        this.audit = audit;
        this.audited = audited;
        this.clock = clock;
    }

    public Uni<List<ServiceInterval>> of(UUID garageId) {
        return pool.preparedQuery("select code, name, distance_km, months, match_terms from service_interval"
                        + " where garage_id = $1 order by code").execute(Tuple.of(garageId))
                .map(rows -> rows.size() == 0 ? DEFAULTS
                        : StreamSupport.stream(rows.spliterator(), false).map(ServiceIntervals::interval).toList());
    }

    /** Creates or replaces the interval with this code, audited; the answer is the garage's whole table. */
    public Uni<List<ServiceInterval>> save(Actor actor, ServiceInterval interval) {
        return audited.run(actor, ACTION, "service-interval", interval.code(), () -> {
            validate(interval);
            OffsetDateTime now = clock.now().atOffset(ZoneOffset.UTC);
            return pool.withTransaction(connection -> connection
                    .preparedQuery("select pg_advisory_xact_lock(hashtextextended('service-interval:' || $1, 0))")
                    .execute(Tuple.of(actor.garageId().toString()))
                    .chain(() -> connection.preparedQuery("select count(*) from service_interval where garage_id = $1")
                            .execute(Tuple.of(actor.garageId())))
                    .chain(count -> count.iterator().next().getLong(0) > 0 ? Uni.createFrom().voidItem()
                            : upsertAll(connection, actor, DEFAULTS, now))
                    .chain(() -> upsertAll(connection, actor, List.of(interval), now))
                    .chain(() -> audit.record(connection, actor, ACTION, "service-interval", interval.code(),
                            AuditOutcome.SUCCESS, Map.of("name", interval.name(), "distanceKm",
                                    String.valueOf(interval.distanceKm()), "months", String.valueOf(interval.months())),
                            now.toInstant())));
        }).chain(() -> of(actor.garageId()));
    }

    private static Uni<Void> upsertAll(SqlConnection connection, Actor actor,
            List<ServiceInterval> intervals, OffsetDateTime now) {
        List<Tuple> batch = intervals.stream().map(i -> Tuple.tuple().addUUID(actor.garageId()).addString(i.code())
                .addString(i.name()).addInteger(i.distanceKm()).addInteger(i.months())
                .addArrayOfString(i.matchTerms().toArray(String[]::new)).addOffsetDateTime(now)).toList();
        return connection.preparedQuery("""
                insert into service_interval (garage_id, code, name, distance_km, months, match_terms, updated_at)
                values ($1, $2, $3, $4, $5, $6, $7)
                on conflict (garage_id, code) do update set name = excluded.name, distance_km = excluded.distance_km,
                    months = excluded.months, match_terms = excluded.match_terms, updated_at = excluded.updated_at,
                    version = service_interval.version + 1""").executeBatch(batch).replaceWithVoid();
    }

    static void validate(ServiceInterval interval) {
        List<FieldError> errors = new ArrayList<>();
        if (interval.code() == null || !interval.code().matches("^[a-z][a-z0-9-]{1,39}$")) {
            errors.add(new FieldError("code", "2 to 40 lower-case letters, digits and hyphens, starting with a letter"));
        }
        if (interval.name() == null || interval.name().isBlank() || interval.name().length() > 120) {
            errors.add(new FieldError("name", "must be 1 to 120 characters"));
        }
        if (interval.distanceKm() == null && interval.months() == null) {
            errors.add(new FieldError("distanceKm", "give a distance, a number of months or both"));
        }
        if (interval.distanceKm() != null && (interval.distanceKm() < 100 || interval.distanceKm() > 500_000)) {
            errors.add(new FieldError("distanceKm", "must be between 100 and 500,000 km"));
        }
        if (interval.months() != null && (interval.months() < 1 || interval.months() > 240)) {
            errors.add(new FieldError("months", "must be between 1 and 240"));
        }
        if (interval.matchTerms() == null || interval.matchTerms().isEmpty() || interval.matchTerms().size() > 10
                || interval.matchTerms().stream().anyMatch(t -> t == null || t.isBlank() || t.length() > 60)) {
            errors.add(new FieldError("matchTerms", "1 to 10 words or phrases of up to 60 characters that mark"
                    + " the service as done in a job's steps or lines"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(ProblemType.VALIDATION, "The interval has invalid fields.")
                    .withErrors(errors));
        }
    }

    private static ServiceInterval interval(Row row) {
        return new ServiceInterval(row.getString("code"), row.getString("name"), row.getInteger("distance_km"),
                row.getInteger("months"), Arrays.asList(row.getArrayOfStrings("match_terms")));
    }
}
