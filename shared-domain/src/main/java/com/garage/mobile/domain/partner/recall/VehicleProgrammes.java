package com.garage.mobile.domain.partner.recall;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.time.GarageClock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** A vehicle's manufacturer programmes: its open recalls and the services falling due, for its customer and the garage. */
@ApplicationScoped
public class VehicleProgrammes {

    private static final String FACTS = """
            select v.vin, coalesce(v.mileage_km, 0) as mileage_km, g.time_zone,
                   (select max(j.closed_at) from job_card j where j.vehicle_id = v.id and j.status = 'CLOSED') as last_service
            from vehicle v join garage g on g.id = v.garage_id where v.id = $1""";

    /** Recalls and due services together. */
    public record Programmes(VehicleRecallReport recalls, List<DueService> dueServices) {
    }

    private final VehicleRecalls recalls;
    private final MaintenanceScheduleProvider schedule;
    private final Pool pool;
    private final GarageClock clock;

    public VehicleProgrammes(VehicleRecalls recalls, MaintenanceScheduleProvider schedule, Pool pool, GarageClock clock) {
        this.recalls = recalls;
        this.schedule = schedule;
        this.pool = pool;
        this.clock = clock;
    }

    public Uni<Programmes> of(Actor actor, UUID vehicleId) {
        return recalls.of(actor, vehicleId)
                .chain(report -> pool.preparedQuery(FACTS).execute(Tuple.of(vehicleId))
                        .map(rows -> rows.iterator().next())
                        .chain(facts -> {
                            ZoneId zone = ZoneId.of(facts.getString("time_zone"));
                            OffsetDateTime last = facts.getOffsetDateTime("last_service");
                            LocalDate today = clock.now().atZone(zone).toLocalDate();
                            return schedule.due(facts.getString("vin"), facts.getInteger("mileage_km"),
                                    last != null ? last.atZoneSameInstant(zone).toLocalDate() : null, today);
                        })
                        .map(due -> new Programmes(report, due)));
    }
}
