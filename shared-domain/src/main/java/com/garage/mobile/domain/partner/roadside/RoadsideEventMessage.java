package com.garage.mobile.domain.partner.roadside;

import com.garage.mobile.domain.access.Actor;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A roadside request moved ({@code roadside_event}), as it travels to every pod and the live
 * channel. The customer sees their own requests' events; the garage's advisors and admins see every
 * one (the inbound tows); technicians none.
 */
public record RoadsideEventMessage(long id, UUID garageId, UUID customerId, UUID requestId, String status,
        String previousStatus, Instant etaAt, boolean towToGarage, UUID jobId, Instant occurredAt) {

    public static final String COLUMNS = "id, garage_id, customer_id, request_id, status, previous_status, eta_at,"
            + " tow_to_garage, job_id, occurred_at";

    public static RoadsideEventMessage of(Row row) {
        OffsetDateTime eta = row.getOffsetDateTime("eta_at");
        return new RoadsideEventMessage(row.getLong("id"), row.getUUID("garage_id"), row.getUUID("customer_id"),
                row.getUUID("request_id"), row.getString("status"), row.getString("previous_status"),
                eta != null ? eta.toInstant() : null, row.getBoolean("tow_to_garage"), row.getUUID("job_id"),
                row.getOffsetDateTime("occurred_at").toInstant());
    }

    public boolean visibleTo(Actor actor) {
        if (!garageId.equals(actor.garageId())) {
            return false;
        }
        return actor.isCustomer() ? customerId.equals(actor.personId()) : actor.seesWholeGarage();
    }
}
