package com.garage.mobile.customer.vehicles;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.paging.Page;
import com.garage.mobile.domain.paging.PageCursor;
import com.garage.mobile.domain.vehicle.VehicleRepository;
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

/** The customer's vehicles. */
@Path("/api/v1/vehicles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Vehicles", description = "The customer's vehicles")
public class VehicleResource {

    private final CurrentActor actor;
    private final VehicleRepository vehicles;

    public VehicleResource(CurrentActor actor, VehicleRepository vehicles) {
        this.actor = actor;
        this.vehicles = vehicles;
    }

    @GET
    @WithSession
    @PermissionsAllowed(Capability.OWN_VEHICLES_READ)
    @Operation(operationId = "listVehicles", summary = "List my vehicles",
            description = "The caller's vehicles, a page at a time (`after`, `limit`).")
    public Uni<Page<VehicleView>> list(@Valid @BeanParam PageRequest page) {
        var me = actor.get();
        return vehicles.pageOfCustomer(me.garageId(), me.personId(), page.cursor(), page.limit())
                .map(rows -> Page.of(rows, page.limit(), v -> new PageCursor(v.createdAt, v.id), VehicleView::of));
    }

    @GET
    @Path("/{id}")
    @WithSession
    @PermissionsAllowed(Capability.OWN_VEHICLES_READ)
    @Operation(operationId = "getVehicle", summary = "Get one of my vehicles",
            description = "One of the caller's vehicles; another customer's is not found.")
    public Uni<VehicleView> get(@PathParam("id") UUID id) {
        var me = actor.get();
        return vehicles.requireOfCustomer(me.garageId(), me.personId(), id).map(VehicleView::of);
    }
}
