package com.garage.mobile.domain.telemetry;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.audit.AuditedAction;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.telemetry.TelemetryReceipt.Code;
import com.garage.mobile.domain.telemetry.TelemetryReceipt.Odometer;
import com.garage.mobile.domain.time.GarageClock;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Records a vehicle's telemetry: a customer for their own vehicles from the app, staff for the
 * garage's at check-in. The vehicle row is locked for the report, so two readings sent at once are
 * judged one after the other against the readings around them ({@link OdometerRules}).
 */
@ApplicationScoped
public class TelemetryService {

    public static final String ACTION = "vehicle.telemetry-report";

    private final Pool pool;
    private final AuditTrail audit;
    private final AuditedAction audited;
    private final GarageClock clock;
    private final TelemetryConfig config;

    public TelemetryService(Pool pool, AuditTrail audit, AuditedAction audited, GarageClock clock,
            TelemetryConfig config) {
        this.pool = pool;
        this.audit = audit;
        this.audited = audited;
        this.clock = clock;
        this.config = config;
    }

    public Uni<TelemetryReceipt> record(Actor actor, UUID vehicleId, TelemetryReport report) {
        return audited.run(actor, ACTION, "vehicle", vehicleId, () -> {
            Instant now = clock.now();
            List<TroubleCode> codes = TelemetryValidation.check(report, now, config);
            Instant readAt = report.readAt() != null ? report.readAt() : now;
            return pool.withTransaction(connection -> lockVehicle(connection, actor, vehicleId)
                    .call(() -> requireJob(connection, actor, vehicleId, report.jobId()))
                    .chain(() -> odometer(connection, actor, vehicleId, report, readAt, now))
                    .chain(odometer -> codes(connection, actor, vehicleId, codes, report.jobId(), now)
                            .map(seen -> new TelemetryReceipt(odometer, seen)))
                    .call(receipt -> audit.record(connection, actor, ACTION, "vehicle", vehicleId,
                            AuditOutcome.SUCCESS, detail(receipt), now)));
        });
    }

    private static Uni<Void> lockVehicle(SqlConnection connection, Actor actor, UUID vehicleId) {
        return connection.preparedQuery("""
                select id from vehicle where garage_id = $1 and id = $2 and ($3::uuid is null or customer_id = $3)
                for update""")
                .execute(Tuple.of(actor.garageId(), vehicleId, actor.isCustomer() ? actor.personId() : null))
                .invoke(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Vehicle");
                    }
                }).replaceWithVoid();
    }

    /** A check-in names the vehicle's own job; customers name none. */
    private static Uni<Void> requireJob(SqlConnection connection, Actor actor, UUID vehicleId, UUID jobId) {
        if (jobId == null) {
            return Uni.createFrom().voidItem();
        }
        if (actor.isCustomer()) {
            throw ProblemException.invalidField("jobId", "only staff report telemetry for a job");
        }
        return connection.preparedQuery("select 1 from job_card where garage_id = $1 and id = $2 and vehicle_id = $3")
                .execute(Tuple.of(actor.garageId(), jobId, vehicleId)).invoke(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.invalidField("jobId", "is not a job of this vehicle");
                    }
                }).replaceWithVoid();
    }

    private Uni<Odometer> odometer(SqlConnection connection, Actor actor, UUID vehicleId, TelemetryReport report,
            Instant readAt, Instant now) {
        if (report.odometerKm() == null) {
            return Uni.createFrom().nullItem();
        }
        int km = report.odometerKm();
        return neighbour(connection, vehicleId, "read_at <= $2 order by read_at desc", readAt)
                .chain(before -> neighbour(connection, vehicleId, "read_at > $2 order by read_at", readAt)
                        .map(after -> OdometerRules.judge(before, after, km, config.odometerToleranceKm()))
                        .chain(verdict -> verdict == OdometerRules.Verdict.DUPLICATE
                                ? Uni.createFrom().item(new Odometer("DUPLICATE", before.orElseThrow().km(),
                                        before.orElseThrow().at()))
                                : connection.preparedQuery("""
                                        insert into odometer_reading (id, garage_id, vehicle_id, odometer_km, read_at,
                                            source, job_id, recorded_by, created_at)
                                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9)""")
                                        .execute(Tuple.from(List.of(UUID.randomUUID(), actor.garageId(), vehicleId, km,
                                                at(readAt), source(actor))).addUUID(report.jobId())
                                                .addUUID(recorder(actor)).addOffsetDateTime(at(now)))
                                        .map(rows -> new Odometer("STORED", km, readAt))));
    }

    private static Uni<Optional<OdometerReading>> neighbour(SqlConnection connection, UUID vehicleId, String where,
            Instant readAt) {
        return connection.preparedQuery("select odometer_km, read_at from odometer_reading where vehicle_id = $1 and "
                        + where + " limit 1").execute(Tuple.of(vehicleId, at(readAt)))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(reading(rows.iterator().next())));
    }

    private Uni<List<Code>> codes(SqlConnection connection, Actor actor, UUID vehicleId, List<TroubleCode> codes,
            UUID jobId, Instant now) {
        return Multi.createFrom().iterable(codes).onItem().transformToUniAndConcatenate(code -> connection
                        .preparedQuery("""
                                insert into vehicle_trouble_code (garage_id, vehicle_id, code, first_seen_at,
                                    last_seen_at, source, job_id)
                                values ($1, $2, $3, $4, $4, $5, $6)
                                on conflict (vehicle_id, code) do update set last_seen_at = excluded.last_seen_at,
                                    times_seen = vehicle_trouble_code.times_seen + 1,
                                    job_id = coalesce(excluded.job_id, vehicle_trouble_code.job_id)
                                returning first_seen_at, last_seen_at, times_seen""")
                        .execute(Tuple.of(actor.garageId(), vehicleId, code.code(), at(now), source(actor), jobId))
                        .map(rows -> {
                            Row row = rows.iterator().next();
                            int times = row.getInteger("times_seen");
                            return new Code(code.code(), code.system(), row.getOffsetDateTime("first_seen_at")
                                    .toInstant(), row.getOffsetDateTime("last_seen_at").toInstant(), times, times == 1);
                        }))
                .collect().asList();
    }

    static OdometerReading reading(Row row) {
        return new OdometerReading(row.getInteger("odometer_km"), row.getOffsetDateTime("read_at").toInstant());
    }

    private static String source(Actor actor) {
        return actor.isCustomer() ? "CUSTOMER_APP" : "CHECK_IN";
    }

    private static UUID recorder(Actor actor) {
        return actor.personId();
    }

    private static Map<String, Object> detail(TelemetryReceipt receipt) {
        Map<String, Object> detail = new HashMap<>();
        if (receipt.odometer() != null) {
            detail.put("odometerKm", receipt.odometer().km());
            detail.put("odometer", receipt.odometer().status());
        }
        detail.put("codes", receipt.codes().stream().map(Code::code).toList());
        return detail;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
