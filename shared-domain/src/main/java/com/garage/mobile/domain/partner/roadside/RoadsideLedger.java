package com.garage.mobile.domain.partner.roadside;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Applies an update to a request in the caller's transaction, as {@link RoadsideStateMachine}
 * decides: the row (with its version), the roadside event for the live channel, the audit entry,
 * the customer's push and, for a tow to the garage, the job card. What is ignored writes nothing.
 */
@ApplicationScoped
public class RoadsideLedger {

    public static final String ACTION = "roadside.status";
    private static final String LOCK = "select " + RoadsideRequest.COLUMNS + " from roadside_request where id = $1 for update";
    private static final String UPDATE = """
            update roadside_request set status = $2, eta_at = coalesce($3, eta_at),
                responder_latitude = coalesce($4, responder_latitude), responder_longitude = coalesce($5, responder_longitude),
                status_at = $6, version = version + 1, updated_at = $7
            where id = $1 returning\s""" + RoadsideRequest.COLUMNS;
    private static final String EVENT = """
            insert into roadside_event (garage_id, customer_id, request_id, status, previous_status, eta_at,
                tow_to_garage, job_id, occurred_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)""";

    private final AuditTrail audit;
    private final TowIntake intake;
    private final RoadsideNotices notices;

    public RoadsideLedger(AuditTrail audit, TowIntake intake, RoadsideNotices notices) {
        this.audit = audit;
        this.intake = intake;
        this.notices = notices;
    }

    /** What became of an update. */
    public record Applied(RoadsideRequest request, RoadsideStateMachine.Decision decision) {
    }

    public Uni<Applied> apply(SqlConnection connection, Actor actor, UUID requestId, RoadsideUpdate update,
            Instant now) {
        return connection.preparedQuery(LOCK).execute(Tuple.of(requestId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("roadside request");
                    }
                    return RoadsideRequest.of(rows.iterator().next());
                })
                .chain(current -> {
                    var decision = RoadsideStateMachine.decide(current.service(), current.status(), current.statusAt(),
                            current.etaAt(), update);
                    if (decision instanceof RoadsideStateMachine.Apply apply) {
                        return write(connection, actor, current, update, apply, now)
                                .map(changed -> new Applied(changed, decision));
                    }
                    return Uni.createFrom().item(new Applied(current, decision));
                });
    }

    private Uni<RoadsideRequest> write(SqlConnection connection, Actor actor, RoadsideRequest current,
            RoadsideUpdate update, RoadsideStateMachine.Apply apply, Instant now) {
        return connection.preparedQuery(UPDATE).execute(Tuple.tuple().addUUID(current.id())
                        .addString(apply.status().name()).addOffsetDateTime(utc(update.etaAt()))
                        .addValue(update.latitude()).addValue(update.longitude())
                        .addOffsetDateTime(utc(update.occurredAt())).addOffsetDateTime(utc(now)))
                .map(rows -> RoadsideRequest.of(rows.iterator().next()))
                .chain(changed -> intake.openIfTowedIn(connection, actor, changed, now))
                .call(changed -> connection.preparedQuery(EVENT).execute(Tuple.tuple().addUUID(changed.garageId())
                        .addUUID(changed.customerId()).addUUID(changed.id()).addString(changed.status().name())
                        .addString(current.status().name()).addOffsetDateTime(utc(changed.etaAt()))
                        .addBoolean(changed.towToGarage()).addUUID(changed.jobId()).addOffsetDateTime(utc(now))))
                .call(changed -> audit.record(connection, actor, ACTION, "roadside-request", changed.id(),
                        AuditOutcome.SUCCESS, detail(current, changed), now))
                .call(changed -> apply.statusChanged() ? notices.moved(connection, changed, current.status(),
                        actor.isCustomer(), now)
                        : Uni.createFrom().voidItem());
    }

    private static Map<String, Object> detail(RoadsideRequest before, RoadsideRequest after) {
        Map<String, Object> detail = new HashMap<>();
        detail.put("status", after.status().name());
        detail.put("previousStatus", before.status().name());
        if (after.etaAt() != null) {
            detail.put("etaAt", after.etaAt().toString());
        }
        return detail;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant != null ? instant.atOffset(ZoneOffset.UTC) : null;
    }
}
