package com.garage.mobile.customer.appointments;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.appointment.AppointmentRepository;
import com.garage.mobile.domain.paging.Page;
import com.garage.mobile.domain.paging.PageCursor;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.platform.web.PageRequest;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The customer's appointments, latest first. */
@Path("/api/v1/appointments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Appointments", description = "The customer's appointments at the garage")
public class AppointmentResource {

    private final CurrentActor actor;
    private final AppointmentRepository appointments;

    public AppointmentResource(CurrentActor actor, AppointmentRepository appointments) {
        this.actor = actor;
        this.appointments = appointments;
    }

    @GET
    @WithSession
    @PermissionsAllowed(Capability.OWN_APPOINTMENTS_READ)
    @Operation(operationId = "listAppointments", summary = "List my appointments",
            description = "The caller's appointments, latest first, a page at a time (`after`, `limit`).")
    public Uni<Page<AppointmentView>> list(@Valid @BeanParam PageRequest page) {
        var me = actor.get();
        return appointments.pageOfCustomer(me.garageId(), me.personId(), page.cursor(), page.limit())
                .map(rows -> Page.of(rows, page.limit(), a -> new PageCursor(a.startsAt, a.id), AppointmentView::of));
    }

    @GET
    @Path("/{id}")
    @WithSession
    @PermissionsAllowed(Capability.OWN_APPOINTMENTS_READ)
    @Operation(operationId = "getAppointment", summary = "Get one of my appointments",
            description = "One of the caller's appointments; another customer's is not found.")
    public Uni<AppointmentView> get(@PathParam("id") UUID id) {
        var me = actor.get();
        return appointments.requireOfCustomer(me.garageId(), me.personId(), id).map(AppointmentView::of);
    }
}
