package com.garage.mobile.domain.partner.roadside;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.notification.NotificationCategory;
import com.garage.mobile.domain.notification.StaffAlerts;
import com.garage.mobile.domain.notification.StaffAlerts.Audience;
import com.garage.mobile.domain.notification.StaffAlerts.StaffAlert;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/**
 * A tow to the garage opens a job card for the advisor once the vehicle is on its way (towing) or
 * delivered: one per request, numbered after the garage's last, with the help asked for as the concern;
 * the front desk (advisors and admins who consented to roadside notices) is pushed that it is coming.
 */
@ApplicationScoped
public class TowIntake {

    public static final String ACTION = "job.open-from-tow";
    private static final String NUMBER = """
            select pg_advisory_xact_lock(hashtext('job-number:' || $1::uuid::text)),
                   (select coalesce(max(number), 0) + 1 from job_card where garage_id = $1::uuid) as number""";
    private static final String OPEN = """
            insert into job_card (id, garage_id, number, customer_id, vehicle_id, status, concern, created_at, updated_at)
            values ($1, $2, $3, $4, $5, 'OPEN', $6, $7, $7)""";
    private static final String LINK = "update roadside_request set job_id = $2 where id = $1 returning "
            + RoadsideRequest.COLUMNS;
    private static final String VEHICLE = """
            select v.make || ' ' || v.model || coalesce(' (' || v.registration_plate || ')', '') as vehicle,
                   c.first_name || ' ' || c.last_name as customer
            from vehicle v join customer c on c.id = v.customer_id where v.id = $1""";

    private final AuditTrail audit;
    private final StaffAlerts alerts;

    public TowIntake(AuditTrail audit, StaffAlerts alerts) {
        this.audit = audit;
        this.alerts = alerts;
    }

    public Uni<RoadsideRequest> openIfTowedIn(SqlConnection connection, Actor actor, RoadsideRequest request,
            Instant now) {
        boolean arriving = request.status() == RoadsideStatus.TOWING || request.status() == RoadsideStatus.COMPLETED;
        if (!request.towToGarage() || !arriving || request.jobId() != null) {
            return Uni.createFrom().item(request);
        }
        UUID jobId = UUID.randomUUID();
        String concern = "Towed in by roadside partner " + request.partner() + " (roadside request "
                + request.id() + ")." + (request.note() != null ? " Customer's words: " + request.note() : "");
        return connection.preparedQuery(NUMBER).execute(Tuple.of(request.garageId()))
                .map(rows -> rows.iterator().next().getInteger("number"))
                .chain(number -> connection.preparedQuery(OPEN).execute(Tuple.tuple().addUUID(jobId)
                                .addUUID(request.garageId()).addInteger(number).addUUID(request.customerId())
                                .addUUID(request.vehicleId()).addString(concern)
                                .addOffsetDateTime(now.atOffset(ZoneOffset.UTC)))
                        .chain(() -> audit.record(connection, actor, ACTION, "job", jobId, AuditOutcome.SUCCESS,
                                Map.of("roadsideRequestId", request.id().toString()), now))
                        .chain(() -> connection.preparedQuery(LINK).execute(Tuple.of(request.id(), jobId)))
                        .map(rows -> RoadsideRequest.of(rows.iterator().next()))
                        .call(linked -> tellTheFrontDesk(connection, linked, number, now)));
    }

    private Uni<Integer> tellTheFrontDesk(SqlConnection connection, RoadsideRequest request, int number, Instant now) {
        return connection.preparedQuery(VEHICLE).execute(Tuple.of(request.vehicleId()))
                .map(rows -> rows.iterator().next())
                .chain(vehicle -> alerts.raise(connection, request.garageId(), new StaffAlert(Audience.FRONT_DESK,
                        NotificationCategory.ROADSIDE, "tow:" + request.id(), "staff.roadside.tow-inbound",
                        Map.of("vehicle", vehicle.getString("vehicle"), "customer", vehicle.getString("customer"),
                                "partner", request.partner(), "job", String.valueOf(number)),
                        Map.of("type", "roadside.tow-inbound", "requestId", request.id().toString(),
                                "jobId", request.jobId().toString(), "link", "garage-tech://jobs/" + request.jobId())),
                        now));
    }
}
