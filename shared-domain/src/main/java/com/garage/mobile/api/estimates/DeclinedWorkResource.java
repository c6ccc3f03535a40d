package com.garage.mobile.api.estimates;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.estimate.DeclinedWork;
import com.garage.mobile.domain.estimate.DeclinedWork.DeclinedLine;
import com.garage.mobile.platform.identity.CurrentActor;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Declined work on a vehicle, for follow-up, in both apps. */
@Path("/api/v1/vehicles/{vehicleId}/declined-work")
@Tag(name = "Estimate approvals", description = "The customer's signed decisions on an estimate")
public class DeclinedWorkResource {

    private final CurrentActor actor;
    private final DeclinedWork declined;

    public DeclinedWorkResource(CurrentActor actor, DeclinedWork declined) {
        this.actor = actor;
        this.declined = declined;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @PermissionsAllowed({Capability.GARAGE_JOBS_READ, Capability.OWN_JOBS_READ})
    @Operation(operationId = "listDeclinedWork", summary = "List the work declined on a vehicle",
            description = "Every estimate line the customer declined on any job of the vehicle, newest decision first,"
                    + " with its job, price and the customer's note: what to propose again at the next visit. A customer"
                    + " reads their own vehicles, staff their garage's; any other vehicle is 404.")
    public Uni<List<DeclinedLine>> list(@PathParam("vehicleId") UUID vehicleId) {
        return declined.ofVehicle(actor.get(), vehicleId);
    }
}
