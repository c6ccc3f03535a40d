package com.garage.mobile.customer.partners;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.partner.recall.RecallAppointments;
import com.garage.mobile.platform.audit.AuditedAs;
import com.garage.mobile.platform.identity.CurrentActor;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One tap on a recall of my vehicle: an appointment request the garage confirms. */
@Path("/api/v1/vehicles/{id}/recall-appointments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partners", description = "Roadside assistance, manufacturer programmes and recalls, consent to share data")
public class RecallAppointmentResource {

    /** The recall campaign to have remedied. */
    public record RecallAppointmentRequest(@NotNull @Pattern(regexp = "[A-Z0-9]{1,20}") String campaign) {
    }

    /** The appointment asked for; {@code created} is false when it had been asked before. */
    public record RecallAppointmentView(UUID appointmentId, String status, Instant startsAt, boolean created) {
    }

    private final CurrentActor actor;
    private final RecallAppointments appointments;

    public RecallAppointmentResource(CurrentActor actor, RecallAppointments appointments) {
        this.actor = actor;
        this.appointments = appointments;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.OWN_PARTNER_SERVICES)
    @AuditedAs(action = RecallAppointments.ACTION, resource = "vehicle")
    @Operation(operationId = "requestRecallAppointment", summary = "Ask for an appointment for a recall",
            description = "Requests an appointment (status `REQUESTED`, the garage's next morning) to have the recall"
                    + " remedied. Once per vehicle and campaign: asking again answers the same appointment.")
    public Uni<RecallAppointmentView> request(@PathParam("id") UUID id,
            @Valid @NotNull RecallAppointmentRequest request) {
        return appointments.request(actor.get(), id, request.campaign())
                .map(asked -> new RecallAppointmentView(asked.appointmentId(), "REQUESTED", asked.startsAt(),
                        asked.created()));
    }
}
