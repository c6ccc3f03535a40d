package com.garage.mobile.domain.telemetry;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.time.GarageClock;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads a vehicle's telemetry: a customer their own vehicles', staff their garage's; any other is not found. */
@ApplicationScoped
public class TelemetryQueries {

    private final Pool pool;
    private final GarageClock clock;
    private final TelemetryConfig config;

    public TelemetryQueries(Pool pool, GarageClock clock, TelemetryConfig config) {
        this.pool = pool;
        this.clock = clock;
        this.config = config;
    }

    public Uni<VehicleTelemetry> of(Actor viewer, UUID vehicleId) {
        return ofVehicle(viewer.garageId(), vehicleId, viewer.isCustomer() ? viewer.personId() : null);
    }

    /** The vehicle's telemetry; {@code customerId} non-null limits it to that customer's vehicle. */
    public Uni<VehicleTelemetry> ofVehicle(UUID garageId, UUID vehicleId, UUID customerId) {
        return pool.preparedQuery("""
                select v.id, v.customer_id, v.make, v.model, v.model_year,
                    (select coalesce(json_agg(json_build_array(r.odometer_km, r.read_at) order by r.read_at desc), '[]')
                     from odometer_reading r where r.vehicle_id = v.id) as readings,
                    (select coalesce(json_agg(json_build_array(c.code, c.first_seen_at, c.last_seen_at, c.times_seen)
                         order by c.last_seen_at desc, c.code), '[]')
                     from vehicle_trouble_code c where c.vehicle_id = v.id) as codes
                from vehicle v where v.garage_id = $1 and v.id = $2 and ($3::uuid is null or v.customer_id = $3)""")
                .execute(Tuple.of(garageId, vehicleId, customerId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Vehicle");
                    }
                    return telemetry(rows.iterator().next());
                });
    }

    private VehicleTelemetry telemetry(Row row) {
        List<OdometerReading> readings = new ArrayList<>();
        row.getJsonArray("readings").forEach(item -> {
            JsonArray reading = (JsonArray) item;
            readings.add(new OdometerReading(reading.getInteger(0), SqlJson.instant(reading.getString(1))));
        });
        List<TelemetryReceipt.Code> codes = new ArrayList<>();
        row.getJsonArray("codes").forEach(item -> {
            JsonArray code = (JsonArray) item;
            TroubleCode parsed = new TroubleCode(code.getString(0));
            codes.add(new TelemetryReceipt.Code(parsed.code(), parsed.system(), SqlJson.instant(code.getString(1)),
                    SqlJson.instant(code.getString(2)), code.getInteger(3), false));
        });
        Integer modelYear = row.getValue("model_year") == null ? null : row.getShort("model_year").intValue();
        DailyMileage.Estimate mileage = DailyMileage.estimate(readings, clock.now(), modelYear,
                config.mileageWindowDays(), config.minSpanDays(), config.defaultKmPerDay());
        return new VehicleTelemetry(row.getUUID("id"), row.getUUID("customer_id"), row.getString("make"),
                row.getString("model"), modelYear, List.copyOf(readings), List.copyOf(codes), mileage);
    }
}
