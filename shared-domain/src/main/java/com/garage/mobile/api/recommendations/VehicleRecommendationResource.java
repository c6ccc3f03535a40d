package com.garage.mobile.api.recommendations;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.recommendation.RecommendationActions;
import com.garage.mobile.domain.recommendation.RecommendationQueries;
import com.garage.mobile.domain.recommendation.VehicleRecommendations;
import com.garage.mobile.platform.audit.AuditedAs;
import com.garage.mobile.platform.identity.CurrentActor;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recommendations", description = "Vehicle telemetry and explained recommendations")
public class VehicleRecommendationResource {

    private final CurrentActor actor;
    private final VehicleRecommendations recommendations;
    private final RecommendationQueries queries;
    private final RecommendationActions actions;

    public VehicleRecommendationResource(CurrentActor actor, VehicleRecommendations recommendations,
            RecommendationQueries queries, RecommendationActions actions) {
        this.actor = actor;
        this.recommendations = recommendations;
        this.queries = queries;
        this.actions = actions;
    }

    @GET
    @Path("/vehicles/{vehicleId}/recommendations")
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

    @POST
    @Path("/recommendations/{id}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.OWN_RECOMMENDATIONS_ACT)
    @AuditedAs(action = "recommendation.act", resource = "recommendation")
    @Operation(operationId = "actOnRecommendation", summary = "Dismiss, snooze, accept or book a recommendation",
            description = "`DISMISS` keeps it quiet for `garage.recommendations.dismiss-quiet` (90 days), `SNOOZE` for"
                    + " `days` (1 to `garage.recommendations.max-snooze`), `ACCEPT` marks it wanted, `BOOK` records"
                    + " that an appointment was requested for it. An action its state does not allow is 409"
                    + " invalid-transition; another customer's recommendation is 404.")
    @APIResponseSchema(RecommendationView.class)
    public Uni<RecommendationView> act(@PathParam("id") UUID id, @Valid @NotNull OutcomeRequest request) {
        return actions.act(actor.get(), id, request.action(), request.days()).map(RecommendationView::of);
    }
}
