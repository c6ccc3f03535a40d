package com.garage.mobile.technician.recommendations;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.recommendation.ModelTraining;
import com.garage.mobile.domain.recommendation.RecommendationMeasures;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.audit.AuditedAs;
import com.garage.mobile.platform.identity.CurrentActor;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the garage's recommendations earn, and retraining its model on demand. */
@Path("/api/v1/admin/recommendations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recommendations", description = "Vehicle telemetry and explained recommendations")
public class RecommendationAdminResource {

    /** The version a training produced; null when another pod was training the garage at that moment. */
    public record Trained(Integer version) {
    }

    private final CurrentActor actor;
    private final RecommendationMeasures measures;
    private final ModelTraining training;
    private final GarageClock clock;

    public RecommendationAdminResource(CurrentActor actor, RecommendationMeasures measures, ModelTraining training,
            GarageClock clock) {
        this.actor = actor;
        this.measures = measures;
        this.training = training;
        this.clock = clock;
    }

    @GET
    @Path("/measures")
    @PermissionsAllowed(Capability.RECOMMENDATIONS_MANAGE)
    @Operation(operationId = "listRecommendationMeasures", summary = "What recommendations earned, per kind and week",
            description = "For the last `weeks` (1-104, default 8): per ISO week and kind, how many recommendations were"
                    + " shown, accepted, booked, and booked then approved and paid.")
    @APIResponseSchema(RecommendationMeasures.Week[].class)
    public Uni<List<RecommendationMeasures.Week>> measures(@QueryParam("weeks") @DefaultValue("8") String weeks) {
        // Taken as text, so that a bad value gets a 400 naming it rather than the 404 of a failed conversion.
        if (!weeks.matches("\\d{1,3}") || Integer.parseInt(weeks) < 1 || Integer.parseInt(weeks) > 104) {
            throw ProblemException.invalidField("query.weeks", "must be a whole number between 1 and 104");
        }
        return measures.since(actor.get().garageId(), clock.now().minus(Duration.ofDays(7L * Integer.parseInt(weeks))));
    }

    @POST
    @Path("/model")
    @PermissionsAllowed(Capability.RECOMMENDATIONS_MANAGE)
    @AuditedAs(action = ModelTraining.ACTION, resource = "recommendation-model")
    @Operation(operationId = "trainRecommendationModel", summary = "Retrain the garage's model now",
            description = "Learns a new version from the garage's closed jobs, as the scheduled pass does.")
    @APIResponseSchema(Trained.class)
    public Uni<Trained> train() {
        return training.train(actor.get()).map(version -> new Trained(version.orElse(null)));
    }
}
