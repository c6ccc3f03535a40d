package com.garage.mobile.domain.partner.recall;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.appointment.AppointmentRequests;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.time.GarageClock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The customer's one tap on a recall: an appointment request ({@link AppointmentRequests}). One per
 * vehicle and campaign, however it is asked for (this tap, or booking the recall's recommendation):
 * asking again answers the same appointment and changes nothing. A tap books the campaign's
 * recommendation as well ({@link RecallBookingFollowUp}).
 */
@ApplicationScoped
public class RecallAppointments {

    public static final String ACTION = "recall.appointment-request";
    private static final String CLAIM = """
            insert into vehicle_recall (vehicle_id, campaign) values ($1, $2) on conflict do nothing""";
    private static final String LOCK = """
            select appointment_id from vehicle_recall where vehicle_id = $1 and campaign = $2 for update""";
    private static final String LINK = "update vehicle_recall set appointment_id = $3 where vehicle_id = $1 and campaign = $2";

    /** The appointment asked for the recall, and whether this call asked for it. */
    public record Requested(UUID appointmentId, Instant startsAt, boolean created) {
    }

    private final Pool pool;
    private final VehicleRecalls recalls;
    private final AppointmentRequests requests;
    private final AuditTrail audit;
    private final RecallBookingFollowUp followUp;
    private final GarageClock clock;

    public RecallAppointments(Pool pool, VehicleRecalls recalls, AppointmentRequests requests, AuditTrail audit,
            RecallBookingFollowUp followUp, GarageClock clock) {
        this.pool = pool;
        this.recalls = recalls;
        this.requests = requests;
        this.audit = audit;
        this.followUp = followUp;
        this.clock = clock;
    }

    public Uni<Requested> request(Actor customer, UUID vehicleId, String campaign) {
        return recalls.of(customer, vehicleId)
                .map(report -> report.recalls().stream().filter(r -> r.recall().campaignNumber().equals(campaign))
                        .findFirst().orElseThrow(() -> ProblemException.notFound("recall")))
                .chain(found -> pool.withTransaction(connection -> {
                    Instant now = clock.now();
                    return bookOnce(connection, customer, vehicleId, campaign, serviceText(found.recall()), now)
                            .call(requested -> followUp.booked(connection, customer.garageId(), vehicleId, campaign,
                                    requested.appointmentId(), now));
                }));
    }

    /**
     * In the caller's transaction: the vehicle's appointment for the campaign, asked for now with
     * this service text unless one was asked for already.
     */
    public Uni<Requested> bookOnce(SqlConnection connection, Actor customer, UUID vehicleId, String campaign,
            String serviceText, Instant now) {
        return connection.preparedQuery(CLAIM).execute(Tuple.of(vehicleId, campaign))
                .chain(() -> connection.preparedQuery(LOCK).execute(Tuple.of(vehicleId, campaign)))
                .map(rows -> rows.iterator().next().getUUID("appointment_id"))
                .chain(existing -> existing != null
                        ? connection.preparedQuery("select starts_at from appointment where id = $1")
                                .execute(Tuple.of(existing))
                                .map(rows -> new Requested(existing, rows.iterator().next()
                                        .getOffsetDateTime("starts_at").toInstant(), false))
                        : create(connection, customer, vehicleId, campaign, serviceText, now));
    }

    private static String serviceText(Recall recall) {
        return "Safety recall " + recall.campaignNumber() + ": " + recall.component();
    }

    private Uni<Requested> create(SqlConnection connection, Actor customer, UUID vehicleId, String campaign,
            String serviceText, Instant now) {
        UUID appointmentId = UUID.randomUUID();
        return requests.request(connection, customer, appointmentId, vehicleId, serviceText, now)
                .call(() -> connection.preparedQuery(LINK).execute(Tuple.of(vehicleId, campaign, appointmentId)))
                .call(() -> audit.record(connection, customer, ACTION, "appointment", appointmentId,
                        AuditOutcome.SUCCESS, Map.of("campaign", campaign, "vehicleId", vehicleId.toString()), now))
                .map(startsAt -> new Requested(appointmentId, startsAt, true));
    }
}
