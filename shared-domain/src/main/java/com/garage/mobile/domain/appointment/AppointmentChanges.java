package com.garage.mobile.domain.appointment;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.problem.StaleVersionException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** What a customer's change of an appointment must respect, whichever change it is. */
@ApplicationScoped
public class AppointmentChanges {

    private final AppointmentRepository appointments;

    public AppointmentChanges(AppointmentRepository appointments) {
        this.appointments = appointments;
    }

    /** The customer's own appointment, still ahead, at the version the change was based on. */
    public Uni<Appointment> requireChangeable(Actor customer, UUID id, long baseVersion, Instant now) {
        return appointments.requireOfCustomer(customer.garageId(), customer.personId(), id).invoke(appointment -> {
            if (appointment.version != baseVersion) {
                throw new StaleVersionException("The appointment", baseVersion, appointment.version);
            }
            if (!appointment.status.isUpcoming()) {
                throw new ProblemException(ProblemType.INVALID_TRANSITION,
                        "This appointment is %s: it can no longer be changed.".formatted(appointment.status));
            }
            if (!appointment.startsAt.isAfter(now)) {
                throw new ProblemException(ProblemType.INVALID_TRANSITION,
                        "This appointment has already started: call the garage to change it.");
            }
        });
    }
}
