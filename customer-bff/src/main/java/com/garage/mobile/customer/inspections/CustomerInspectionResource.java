package com.garage.mobile.customer.inspections;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.inspection.InspectionQueries;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The inspection of one of the customer's repairs, once the garage has published it. */
@Path("/api/v1/jobs/{id}/inspection")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Repairs")
public class CustomerInspectionResource {

    private final CurrentActor actor;
    private final InspectionQueries inspections;

    public CustomerInspectionResource(CurrentActor actor, InspectionQueries inspections) {
        this.actor = actor;
        this.inspections = inspections;
    }

    @GET
    @PermissionsAllowed(Capability.OWN_JOBS_READ)
    @Operation(operationId = "getRepairInspection", summary = "Get my repair's inspection",
            description = "The published inspection of one of the caller's repairs: what was found on each item the"
                    + " garage shares, with measurements, photos and videos. Not found until it is published.")
    public Uni<CustomerInspectionView> get(@PathParam("id") UUID id) {
        return inspections.forCustomer(actor.get(), id).map(CustomerInspectionView::of);
    }
}
