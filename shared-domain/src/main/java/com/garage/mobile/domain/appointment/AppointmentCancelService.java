package com.garage.mobile.domain.appointment;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.event.Changed;
import com.garage.mobile.domain.time.GarageClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A customer cancels an appointment that has not started yet. */
@ApplicationScoped
public class AppointmentCancelService {

    public static final String ACTION = "appointment.cancel";

    private final AppointmentRepository appointments;
    private final AppointmentChanges changes;
    private final AuditTrail audit;
    private final GarageClock clock;

    public AppointmentCancelService(AppointmentRepository appointments, AppointmentChanges changes,
            AuditTrail audit, GarageClock clock) {
        this.clock = clock;
        this.appointments = appointments;
        this.changes = changes;
        this.audit = audit;
    }

    @WithTransaction
    public Uni<Changed<Appointment>> cancel(Actor customer, UUID id, long baseVersion) {
        Instant now = clock.now();
        return changes.requireChangeable(customer, id, baseVersion, now).chain(appointment -> {
            Map<String, Object> change = Map.of("from", appointment.status.name(), "to", "CANCELLED");
            appointment.status = AppointmentStatus.CANCELLED;
            appointment.updatedAt = now;
            return appointments.flush()
                    .call(() -> audit.record(customer, ACTION, "appointment", id, AuditOutcome.SUCCESS, change, now))
                    .replaceWith(Changed.withoutEvents(appointment));
        });
    }
}
