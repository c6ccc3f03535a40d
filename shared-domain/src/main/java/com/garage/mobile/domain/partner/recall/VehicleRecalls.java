package com.garage.mobile.domain.partner.recall;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The open safety recalls of a vehicle, for the customer who owns it, the garage's staff, and other
 * features (recommendations) through {@link #ofGarageVehicle}. The make, model and year are the
 * vehicle's own, or decoded from its VIN when the year is missing. The first time a campaign is found
 * on a vehicle its customer is told (SAFETY, operational consent), once ({@link RecallNotices}).
 */
@ApplicationScoped
public class VehicleRecalls {

    private static final String VEHICLE = """
            select id, garage_id, customer_id, vin, make, model, model_year from vehicle
            where id = $1 and garage_id = $2 and ($3::uuid is null or customer_id = $3)""";
    private static final String ASKED = "select campaign, appointment_id from vehicle_recall where vehicle_id = $1";

    private final Pool pool;
    private final RecallSource source;
    private final VinDecoder decoder;
    private final RecallNotices notices;

    public VehicleRecalls(Pool pool, RecallSource source, VinDecoder decoder, RecallNotices notices) {
        this.pool = pool;
        this.source = source;
        this.decoder = decoder;
        this.notices = notices;
    }

    /** A customer's own vehicle, or any vehicle of a staff member's garage; 404 otherwise. */
    public Uni<VehicleRecallReport> of(Actor actor, UUID vehicleId) {
        return report(actor.garageId(), actor.isCustomer() ? actor.personId() : null, vehicleId);
    }

    /** A vehicle of the garage, for another feature acting on the garage's behalf (no person). */
    public Uni<VehicleRecallReport> ofGarageVehicle(UUID garageId, UUID vehicleId) {
        return report(garageId, null, vehicleId);
    }

    private Uni<VehicleRecallReport> report(UUID garageId, UUID customerId, UUID vehicleId) {
        return pool.preparedQuery(VEHICLE).execute(Tuple.of(vehicleId, garageId, customerId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("vehicle");
                    }
                    return rows.iterator().next();
                })
                .chain(vehicle -> identity(vehicle)
                        .chain(id -> id.modelYear() == null ? Uni.createFrom().item(new RecallAnswer(List.of(), null,
                                        false))
                                : source.recalls(id.make(), id.model(), id.modelYear()))
                        .call(answer -> answer.delayed() ? Uni.createFrom().voidItem()
                                : notices.found(vehicle.getUUID("garage_id"), vehicle.getUUID("customer_id"), vehicleId,
                                        answer.recalls()))
                        .chain(answer -> withAppointments(vehicle, answer)));
    }

    private Uni<VinDecoder.DecodedVin> identity(Row vehicle) {
        Integer year = vehicle.getInteger("model_year");
        if (year != null) {
            return Uni.createFrom().item(new VinDecoder.DecodedVin(vehicle.getString("make"),
                    vehicle.getString("model"), year));
        }
        return decoder.decode(vehicle.getString("vin"))
                .map(decoded -> new VinDecoder.DecodedVin(decoded.make() != null ? decoded.make()
                        : vehicle.getString("make"), decoded.model() != null ? decoded.model()
                        : vehicle.getString("model"), decoded.modelYear()))
                .onFailure().recoverWithItem(new VinDecoder.DecodedVin(vehicle.getString("make"),
                        vehicle.getString("model"), null));
    }

    private Uni<VehicleRecallReport> withAppointments(Row vehicle, RecallAnswer answer) {
        UUID vehicleId = vehicle.getUUID("id");
        return pool.preparedQuery(ASKED).execute(Tuple.of(vehicleId)).map(rows -> {
            Map<String, UUID> asked = new HashMap<>();
            rows.forEach(row -> asked.put(row.getString("campaign"), row.getUUID("appointment_id")));
            return new VehicleRecallReport(vehicleId, vehicle.getString("make"), vehicle.getString("model"),
                    vehicle.getInteger("model_year"), answer.recalls().stream()
                            .map(recall -> new VehicleRecall(recall, asked.get(recall.campaignNumber()))).toList(),
                    answer.asOf(), answer.delayed());
        });
    }
}
