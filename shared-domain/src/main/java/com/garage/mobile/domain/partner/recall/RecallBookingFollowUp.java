package com.garage.mobile.domain.partner.recall;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.time.Instant;
import java.util.UUID;

/**
 * What else a customer's tap on a recall books, in the tap's transaction: the recall's recommendation, where
 * the recommendations feature keeps one. An interface here so that the recall feature knows nothing of it.
 */
public interface RecallBookingFollowUp {

    Uni<Void> booked(SqlConnection connection, UUID garageId, UUID vehicleId, String campaign, UUID appointmentId,
            Instant now);
}
