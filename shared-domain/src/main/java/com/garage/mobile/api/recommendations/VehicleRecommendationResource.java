package com.garage.mobile.api.recommendations;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.recommendation.RecommendationQueries;
import com.garage.mobile.domain.recommendation.VehicleRecommendations;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A vehicle's recommendations (customer: service due, declined follow-up, safety; advisor: at check-in). */
@Path("/api/v1/vehicles/{vehicleId}/recommendations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recommendations", description = "Vehicle telemetry and explained recommendations")
public class VehicleRecommendationResource {

    private final CurrentActor actor;
    private final VehicleRecommendations recommendations;
    private final RecommendationQueries queries;

    public VehicleRecommendationResource(CurrentActor actor, VehicleRecommendations recommendations,
            RecommendationQueries queries) {
        this.actor = actor;
        this.recommendations = recommendations;
        this.queries = queries;
    }

    @GET
    @PermissionsAllowed({Capability.GARAGE_JOBS_READ, Capability.OWN_VEHICLES_READ})
    @Operation(operationId = "listVehicleRecommendations", summary = "List a vehicle's recommendations",
            description = "Services due or due soon (by the mileage predicted from the odometer readings, or by time),"
                    + " declined work to follow up and open safety recalls, refreshed first, each with its reasons and"
                    + " evidence. A customer sees their own vehicle's open, accepted and booked ones (the first read"
                    + " counts as shown), with one-tap actions; staff also see dismissed and snoozed ones. Another"
                    + " customer's or garage's vehicle is 404.")
    @APIResponseSchema(RecommendationView[].class)
    public Uni<List<RecommendationView>> list(@PathParam("vehicleId") UUID vehicleId) {
        Actor viewer = actor.get();
        return queries.requireVehicle(viewer, vehicleId)
                .chain(() -> recommendations.refresh(viewer.garageId(), vehicleId))
                .chain(() -> queries.ofVehicle(viewer, vehicleId))
                .map(found -> found.stream().map(RecommendationView::of).toList());
    }
}
