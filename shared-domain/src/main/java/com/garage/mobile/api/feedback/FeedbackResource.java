package com.garage.mobile.api.feedback;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.feedback.Feedback;
import com.garage.mobile.domain.feedback.FeedbackReports;
import com.garage.mobile.domain.feedback.FeedbackRequest;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.platform.identity.CurrentAppBuild;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Feedback from any screen of either app to the garage's product-discovery inbox, and one's own feedback. */
@Path("/api/v1/feedback")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics", description = "Product analytics events, feedback and experiments")
public class FeedbackResource {

    private final CurrentActor actor;
    private final CurrentAppBuild build;
    private final FeedbackReports reports;

    public FeedbackResource(CurrentActor actor, CurrentAppBuild build, FeedbackReports reports) {
        this.actor = actor;
        this.build = build;
        this.reports = reports;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.APP_USE)
    @Operation(operationId = "sendFeedback", summary = "Send feedback",
            description = "A bug, an idea, praise or anything else (`category`), in up to 4,000 characters, with the"
                    + " screen it was sent from, under an id the app chose: 201 when stored, 200 with what was stored"
                    + " when the same feedback is sent again, 409 `feedback-id-reused` for other content under that id."
                    + " The app build comes from `X-App-Platform` and `X-App-Version`. The text stays in the garage's"
                    + " inbox, never in the analytics events.")
    @APIResponseSchema(value = Feedback.class, responseCode = "201")
    public Uni<Response> send(@Valid @NotNull FeedbackRequest request) {
        return reports.send(actor.get(), request, build.get()).map(sent -> (sent.created()
                ? Response.created(URI.create("/api/v1/feedback/" + sent.feedback().id()))
                : Response.ok()).entity(sent.feedback()).build());
    }

    @GET
    @PermissionsAllowed(Capability.APP_USE)
    @Operation(operationId = "listOwnFeedback", summary = "List one's own feedback",
            description = "The caller's latest 50 pieces of feedback, newest first, each with where it stands (new,"
                    + " triaged, planned, done) and the garage's note.")
    public Uni<List<Feedback>> mine() {
        return reports.mine(actor.get());
    }
}
