package com.garage.mobile.domain.recommendation;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.appointment.AppointmentRequests;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.audit.AuditedAction;
import com.garage.mobile.domain.partner.recall.RecallAppointments;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.time.GarageClock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a customer does with a recommendation for their own vehicle: dismiss it (quiet for the
 * configured time), snooze it (quiet for the days they choose), accept it, or book it (an
 * appointment request for it, {@link AppointmentRequests}, in the same transaction). Each is audited and counted in the measures; a customer acting on
 * another's recommendation is answered not found.
 */
@ApplicationScoped
public class RecommendationActions {

    /** The actions, the states each may start from, and the state it leads to. */
    public enum Act {
        DISMISS("DISMISSED", Set.of("OPEN", "ACCEPTED")),
        SNOOZE("SNOOZED", Set.of("OPEN", "ACCEPTED")),
        ACCEPT("ACCEPTED", Set.of("OPEN")),
        BOOK("BOOKED", Set.of("OPEN", "ACCEPTED"));

        final String target;
        final Set<String> from;

        Act(String target, Set<String> from) {
            this.target = target;
            this.from = from;
        }

        public String action() {
            return "recommendation." + name().toLowerCase(Locale.ROOT);
        }
    }

    private final Pool pool;
    private final AppointmentRequests appointments;
    private final RecallAppointments recalls;
    private final AuditTrail audit;
    private final AuditedAction audited;
    private final RecommendationConfig config;
    private final GarageClock clock;

    public RecommendationActions(Pool pool, AppointmentRequests appointments, RecallAppointments recalls,
            AuditTrail audit, AuditedAction audited, RecommendationConfig config, GarageClock clock) {
        this.pool = pool;
        this.appointments = appointments;
        this.recalls = recalls;
        this.audit = audit;
        this.audited = audited;
        this.config = config;
        this.clock = clock;
    }

    /** @param snoozeDays for {@link Act#SNOOZE}: 1 to the configured maximum */
    public Uni<Recommendation> act(Actor customer, UUID id, Act act, Integer snoozeDays) {
        return audited.run(customer, act.action(), "recommendation", id, () -> {
            Instant now = clock.now();
            Instant quietUntil = quietUntil(act, snoozeDays, now);
            return pool.withTransaction(connection -> connection.preparedQuery("select " + RecommendationQueries.COLUMNS
                            + " from recommendation where garage_id = $1 and id = $2 and customer_id = $3 for update")
                    .execute(Tuple.of(customer.garageId(), id, customer.personId()))
                    .map(rows -> {
                        if (rows.size() == 0) {
                            throw ProblemException.notFound("Recommendation");
                        }
                        Row row = rows.iterator().next();
                        if (!act.from.contains(row.getString("status"))) {
                            throw new ProblemException(ProblemType.INVALID_TRANSITION, "A recommendation that is "
                                    + row.getString("status") + " cannot be " + act.target.toLowerCase(Locale.ROOT) + ".");
                        }
                        return RecommendationQueries.of(row);
                    })
                    .chain(found -> appointmentFor(connection, customer, act, found, now).chain(appointmentId ->
                            connection.preparedQuery("update recommendation set status = $2, quiet_until = $3,"
                                    + " version = version + 1, updated_at = $4, appointment_id = coalesce($5, appointment_id)"
                                    + " where id = $1 returning " + RecommendationQueries.COLUMNS)
                            .execute(Tuple.of(id, act.target, quietUntil == null ? null
                                    : quietUntil.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC), appointmentId))
                            .call(() -> connection.preparedQuery("insert into recommendation_outcome (garage_id,"
                                    + " recommendation_id, kind, outcome, at) values ($1, $2, $3, $4, $5)")
                                    .execute(Tuple.of(customer.garageId(), id, found.kind().name(), act.target,
                                            now.atOffset(ZoneOffset.UTC))))
                            .map(rows -> RecommendationQueries.of(rows.iterator().next()))))
                    .call(updated -> audit.record(connection, customer, act.action(), "recommendation", id,
                            AuditOutcome.SUCCESS, detail(updated), now)));
        });
    }

    /**
     * Booking asks for an appointment (null for the other acts). A recall's is the vehicle's one for
     * that campaign, however the customer asked for it, so a recall is never booked twice.
     */
    private Uni<UUID> appointmentFor(SqlConnection connection, Actor customer, Act act, Recommendation found,
            Instant now) {
        if (act != Act.BOOK) {
            return Uni.createFrom().nullItem();
        }
        String serviceText = "Recommended: " + found.title();
        if (found.kind() == RecommendationKind.SAFETY_RECALL) {
            return recalls.bookOnce(connection, customer, found.vehicleId(),
                    String.valueOf(found.evidence().get(VehicleRecommendations.RECALL_ID)), serviceText, now)
                    .map(RecallAppointments.Requested::appointmentId);
        }
        UUID appointmentId = UUID.randomUUID();
        return appointments.request(connection, customer, appointmentId, found.vehicleId(), serviceText, now)
                .replaceWith(appointmentId);
    }

    private Instant quietUntil(Act act, Integer snoozeDays, Instant now) {
        if (act == Act.DISMISS) {
            return now.plus(config.dismissQuiet());
        }
        if (act != Act.SNOOZE) {
            return null;
        }
        long max = config.maxSnooze().toDays();
        if (snoozeDays == null || snoozeDays < 1 || snoozeDays > max) {
            throw ProblemException.invalidField("days", "snooze for 1 to %d days".formatted(max));
        }
        return now.plus(Duration.ofDays(snoozeDays));
    }

    private static Map<String, Object> detail(Recommendation updated) {
        Map<String, Object> detail = new HashMap<>();
        detail.put("kind", updated.kind().name());
        detail.put("vehicleId", updated.vehicleId().toString());
        detail.put("status", updated.status());
        if (updated.quietUntil() != null) {
            detail.put("quietUntil", updated.quietUntil().toString());
        }
        if (updated.appointmentId() != null) {
            detail.put("appointmentId", updated.appointmentId().toString());
        }
        return detail;
    }
}
