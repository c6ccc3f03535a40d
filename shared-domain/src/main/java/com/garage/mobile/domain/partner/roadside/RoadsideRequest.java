package com.garage.mobile.domain.partner.roadside;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A customer's roadside request as stored ({@code roadside_request}). */
public record RoadsideRequest(UUID id, UUID garageId, UUID customerId, UUID vehicleId, String partner,
        RoadsideService service, RoadsideStatus status, double latitude, double longitude, String address,
        String callbackPhone, String note, boolean towToGarage, String partnerReference, Instant etaAt,
        Double responderLatitude, Double responderLongitude, Instant statusAt, UUID jobId, long version,
        Instant createdAt) {

    public static final String COLUMNS = "id, garage_id, customer_id, vehicle_id, partner, service, status, latitude,"
            + " longitude, address, callback_phone, note, tow_to_garage, partner_reference, eta_at, responder_latitude,"
            + " responder_longitude, status_at, job_id, version, created_at";

    public static RoadsideRequest of(Row row) {
        return new RoadsideRequest(row.getUUID("id"), row.getUUID("garage_id"), row.getUUID("customer_id"),
                row.getUUID("vehicle_id"), row.getString("partner"), RoadsideService.valueOf(row.getString("service")),
                RoadsideStatus.valueOf(row.getString("status")), row.getDouble("latitude"), row.getDouble("longitude"),
                row.getString("address"), row.getString("callback_phone"), row.getString("note"),
                row.getBoolean("tow_to_garage"), row.getString("partner_reference"), instant(row, "eta_at"),
                row.getDouble("responder_latitude"), row.getDouble("responder_longitude"), instant(row, "status_at"),
                row.getUUID("job_id"), row.getLong("version"), instant(row, "created_at"));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value != null ? value.toInstant() : null;
    }

    /** Never the callback number or the location: what logs and admins may see of a request. */
    @Override
    public String toString() {
        return "RoadsideRequest[" + id + ", " + partner + ", " + service + ", " + status + "]";
    }
}
