package com.garage.mobile.domain.recommendation;

import com.garage.mobile.domain.partner.recall.RecallBookingFollowUp;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A recall booked outside its recommendation (the customer's tap on the recall in the programmes
 * screen) books the vehicle's recommendation for that campaign too, with that appointment, and counts
 * as booked in the measures, as booking the recommendation itself does.
 */
@ApplicationScoped
public class RecallBookings implements RecallBookingFollowUp {

    private static final String BOOK = """
            with booked as (
                update recommendation set status = 'BOOKED', appointment_id = $4, quiet_until = null,
                    version = version + 1, updated_at = $5
                where garage_id = $1 and vehicle_id = $2 and kind = 'SAFETY_RECALL' and subject = $3
                  and status in ('OPEN', 'ACCEPTED', 'SNOOZED', 'DISMISSED')
                returning garage_id, id, kind)
            insert into recommendation_outcome (garage_id, recommendation_id, kind, outcome, at)
            select garage_id, id, kind, 'BOOKED', $5 from booked""";

    /** In the caller's transaction; a campaign without a recommendation (or one already booked) changes nothing. */
    @Override
    public Uni<Void> booked(SqlConnection connection, UUID garageId, UUID vehicleId, String campaign,
            UUID appointmentId, Instant now) {
        return connection.preparedQuery(BOOK).execute(Tuple.of(garageId, vehicleId,
                VehicleRecommendations.RECALL_SUBJECT + campaign, appointmentId, now.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }
}
