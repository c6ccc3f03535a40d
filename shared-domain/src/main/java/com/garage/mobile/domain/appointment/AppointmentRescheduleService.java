package com.garage.mobile.domain.appointment;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.event.Changed;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.time.GarageClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A customer moves an upcoming appointment to a new start, keeping its length. The garage has
 * to confirm the new time, so a confirmed appointment goes back to requested.
 */
@ApplicationScoped
public class AppointmentRescheduleService {

    public static final String ACTION = "appointment.reschedule";
    /** The garage needs notice to plan the bay; and nobody books further out than a year. */
    public static final Duration MIN_NOTICE = Duration.ofHours(1);
    public static final Duration MAX_AHEAD = Duration.ofDays(366);

    private final AppointmentRepository appointments;
    private final AppointmentChanges changes;
    private final AuditTrail audit;
    private final GarageClock clock;

    public AppointmentRescheduleService(AppointmentRepository appointments, AppointmentChanges changes,
            AuditTrail audit, GarageClock clock) {
        this.clock = clock;
        this.appointments = appointments;
        this.changes = changes;
        this.audit = audit;
    }

    @WithTransaction
    public Uni<Changed<Appointment>> reschedule(Actor customer, UUID id, Instant startsAt, long baseVersion) {
        Instant now = clock.now();
        return changes.requireChangeable(customer, id, baseVersion, now).chain(appointment -> {
            requireBookable(startsAt, now);
            Duration length = Duration.between(appointment.startsAt, appointment.endsAt);
            Map<String, Object> change = Map.of("from", appointment.startsAt.toString(), "to", startsAt.toString(),
                    "status", appointment.status.name());
            appointment.startsAt = startsAt;
            appointment.endsAt = startsAt.plus(length);
            appointment.status = AppointmentStatus.REQUESTED;
            appointment.updatedAt = now;
            return appointments.flush()
                    .call(() -> audit.record(customer, ACTION, "appointment", id, AuditOutcome.SUCCESS, change, now))
                    .replaceWith(Changed.withoutEvents(appointment));
        });
    }

    private static void requireBookable(Instant startsAt, Instant now) {
        if (startsAt.isBefore(now.plus(MIN_NOTICE))) {
            throw ProblemException.invalidField("payload.startsAt", "must be at least "
                    + MIN_NOTICE.toMinutes() + " minutes from now");
        }
        if (startsAt.isAfter(now.plus(MAX_AHEAD))) {
            throw ProblemException.invalidField("payload.startsAt", "must be within " + MAX_AHEAD.toDays()
                    + " days from now");
        }
    }
}
