package com.garage.mobile.customer.recommendations;

import com.garage.mobile.api.recommendations.RecommendationView;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.recommendation.RecommendationActions;
import com.garage.mobile.platform.audit.AuditedAs;
import com.garage.mobile.platform.identity.CurrentActor;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the customer does with a recommendation for their own vehicle. */
@Path("/api/v1/recommendations/{id}/outcome")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recommendations", description = "Vehicle telemetry and explained recommendations")
public class RecommendationOutcomeResource {

    private final CurrentActor actor;
    private final RecommendationActions actions;

    public RecommendationOutcomeResource(CurrentActor actor, RecommendationActions actions) {
        this.actor = actor;
        this.actions = actions;
    }

    @POST
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
