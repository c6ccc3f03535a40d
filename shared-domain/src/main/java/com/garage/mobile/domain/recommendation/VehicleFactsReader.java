package com.garage.mobile.domain.recommendation;

import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.telemetry.OdometerReading;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

/** Reads what the rules need of a vehicle (see {@link VehicleFacts}), in four queries. */
@ApplicationScoped
public class VehicleFactsReader {

    private static final String VISITS = """
            select j.closed_at, j.mileage_in_km,
                concat_ws(' | ', (select string_agg(s.title, ' | ') from job_step s where s.job_id = j.id and s.status = 'DONE'),
                          (select string_agg(l.description, ' | ') from estimate_line l
                           where l.job_id = j.id and l.approval_status = 'APPROVED')) as work
            from job_card j where j.garage_id = $1 and j.vehicle_id = $2 and j.status = 'CLOSED' and j.closed_at is not null
            order by j.closed_at""";
    private static final String DECLINED = """
            select l.id, j.number, l.description, l.quantity * l.unit_price_minor * (10000 + l.tax_rate_bp) / 10000 as gross,
                g.currency, l.decided_at, i.note as finding
            from estimate_line l join job_card j on j.id = l.job_id join garage g on g.id = j.garage_id
            left join inspection_item i on i.id = l.inspection_item_id
            where j.garage_id = $1 and j.vehicle_id = $2 and l.approval_status = 'DECLINED' and l.decided_at >= $3
              and not exists (select 1 from estimate_line later join job_card lj on lj.id = later.job_id
                              where lj.vehicle_id = j.vehicle_id and later.approval_status = 'APPROVED'
                                and lower(later.description) = lower(l.description) and later.decided_at > l.decided_at)
            order by l.decided_at desc""";

    private final Pool pool;

    public VehicleFactsReader(Pool pool) {
        this.pool = pool;
    }

    public Uni<VehicleFacts> read(UUID garageId, UUID vehicleId, Instant declinedSince) {
        return pool.preparedQuery("select customer_id, vin, make, model, model_year from vehicle"
                        + " where garage_id = $1 and id = $2").execute(Tuple.of(garageId, vehicleId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Vehicle");
                    }
                    Row row = rows.iterator().next();
                    return new VehicleRef(garageId, vehicleId, row.getUUID("customer_id"), row.getString("vin"),
                            row.getString("make"), row.getString("model"),
                            row.getValue("model_year") == null ? null : row.getShort("model_year").intValue());
                })
                .chain(vehicle -> pool.preparedQuery(VISITS).execute(Tuple.of(garageId, vehicleId))
                        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(row -> new ServiceVisit(
                                row.getOffsetDateTime("closed_at").toLocalDate(), row.getInteger("mileage_in_km"),
                                row.getString("work") == null ? "" : row.getString("work"))).toList())
                        .chain(visits -> readings(vehicleId, visits)
                                .chain(readings -> declined(garageId, vehicleId, declinedSince)
                                        .map(declined -> new VehicleFacts(vehicle, readings, visits, declined)))));
    }

    private Uni<List<OdometerReading>> readings(UUID vehicleId, List<ServiceVisit> visits) {
        return pool.preparedQuery("select odometer_km, read_at from odometer_reading where vehicle_id = $1")
                .execute(Tuple.of(vehicleId)).map(rows -> {
                    List<OdometerReading> readings = new ArrayList<>();
                    rows.forEach(row -> readings.add(new OdometerReading(row.getInteger("odometer_km"),
                            row.getOffsetDateTime("read_at").toInstant())));
                    visits.stream().filter(visit -> visit.km() != null).forEach(visit -> readings.add(
                            new OdometerReading(visit.km(), visit.on().atStartOfDay(ZoneOffset.UTC).toInstant())));
                    return List.copyOf(readings);
                });
    }

    private Uni<List<DeclinedFollowUps.Declined>> declined(UUID garageId, UUID vehicleId, Instant since) {
        return pool.preparedQuery(DECLINED).execute(Tuple.of(garageId, vehicleId, since.atOffset(ZoneOffset.UTC)))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(row -> new DeclinedFollowUps.Declined(
                        row.getUUID("id"), row.getInteger("number"), row.getString("description"),
                        row.getBigDecimal("gross").setScale(0, RoundingMode.HALF_UP).longValue(),
                        row.getString("currency"), row.getOffsetDateTime("decided_at").toInstant(),
                        row.getString("finding"))).toList());
    }
}
