package com.garage.mobile.api.partner;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.partner.recall.VehicleProgrammes;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.identity.CurrentActor;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A vehicle's recalls and due programme services, in both apps: the customer's own vehicle, any of the garage's for staff. */
@Path("/api/v1/vehicles/{id}/programmes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partners", description = "Roadside assistance, manufacturer programmes and recalls, consent to share data")
public class VehicleProgrammesResource {

    private final CurrentActor actor;
    private final VehicleProgrammes programmes;
    private final GarageClock clock;

    public VehicleProgrammesResource(CurrentActor actor, VehicleProgrammes programmes, GarageClock clock) {
        this.actor = actor;
        this.programmes = programmes;
        this.clock = clock;
    }

    @GET
    @PermissionsAllowed({Capability.OWN_VEHICLES_READ, Capability.GARAGE_JOBS_READ})
    @Operation(operationId = "getVehicleProgrammes", summary = "Get a vehicle's recalls and due services",
            description = "Open safety recalls (NHTSA: campaign, component, summary, consequence, remedy) and the"
                    + " manufacturer programme services falling due by distance or time. Recall data is cached a day"
                    + " per make, model and year; when the source is down the last known data comes with its age and"
                    + " `delayed: true`.")
    @APIResponseSchema(VehicleProgrammesView.class)
    public Uni<VehicleProgrammesView> get(@PathParam("id") UUID id) {
        return programmes.of(actor.get(), id).map(found -> VehicleProgrammesView.of(found, clock.now()));
    }
}
