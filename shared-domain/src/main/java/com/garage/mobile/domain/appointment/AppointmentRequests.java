package com.garage.mobile.domain.appointment;

import com.garage.mobile.domain.access.Actor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A customer's one-tap appointment request (a recall, a recommended service): status
 * {@code REQUESTED} for an hour from 08:00 on the garage's next day, which the garage confirms or
 * moves. It is then one of the customer's appointments like any other (their list, their offline copy).
 */
@ApplicationScoped
public class AppointmentRequests {

    private static final LocalTime MORNING = LocalTime.of(8, 0);
    private static final String ZONE = "select time_zone from garage where id = $1";
    private static final String REQUEST = """
            insert into appointment (id, garage_id, customer_id, vehicle_id, starts_at, ends_at, status, service_requested)
            values ($1, $2, $3, $4, $5, $6, 'REQUESTED', $7)""";

    /** Asks for the appointment in the caller's transaction; answers when it would start. */
    public Uni<Instant> request(SqlConnection connection, Actor customer, UUID appointmentId, UUID vehicleId,
            String service, Instant now) {
        return connection.preparedQuery(ZONE).execute(Tuple.of(customer.garageId()))
                .map(rows -> nextMorning(now, ZoneId.of(rows.iterator().next().getString("time_zone"))))
                .call(startsAt -> connection.preparedQuery(REQUEST).execute(Tuple.tuple().addUUID(appointmentId)
                        .addUUID(customer.garageId()).addUUID(customer.personId()).addUUID(vehicleId)
                        .addOffsetDateTime(startsAt.atOffset(ZoneOffset.UTC))
                        .addOffsetDateTime(startsAt.plus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC))
                        .addString(service)));
    }

    /** 08:00 on the garage's next day. */
    static Instant nextMorning(Instant now, ZoneId zone) {
        return now.atZone(zone).toLocalDate().plusDays(1).atTime(MORNING).atZone(zone).toInstant();
    }
}
