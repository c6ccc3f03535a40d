package com.garage.mobile.technician.analytics;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.feedback.Feedback;
import com.garage.mobile.domain.feedback.FeedbackInbox;
import com.garage.mobile.domain.feedback.FeedbackStatus;
import com.garage.mobile.domain.feedback.StatusChange;
import com.garage.mobile.domain.problem.EnumField;
import com.garage.mobile.platform.identity.CurrentActor;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The garage's product-discovery inbox: feedback from both apps, searched and moved on by its admins. */
@Path("/api/v1/admin/feedback")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics admin", description = "Event schemas, funnels, surveys and experiments, for the garage's admins")
public class FeedbackAdminResource {

    private final CurrentActor actor;
    private final FeedbackInbox inbox;

    public FeedbackAdminResource(CurrentActor actor, FeedbackInbox inbox) {
        this.actor = actor;
        this.inbox = inbox;
    }

    @GET
    @PermissionsAllowed(Capability.ANALYTICS_MANAGE)
    @Operation(operationId = "searchFeedback", summary = "Search the feedback inbox",
            description = "The garage's latest 100 pieces of feedback from both apps, newest first: all, one `status`"
                    + " (NEW, TRIAGED, PLANNED, DONE), or those holding the words in `q`; each with its category, screen,"
                    + " app build, the reporter's role (never who), status, note and version.")
    public Uni<List<Feedback>> search(@QueryParam("status") String status,
            @QueryParam("q") @Size(max = 200) String words) {
        return inbox.search(actor.get().garageId(), EnumField.parse(FeedbackStatus.class, status, "status"),
                words == null || words.isBlank() ? null : words);
    }

    @PUT
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.ANALYTICS_MANAGE)
    @Operation(operationId = "moveFeedback", summary = "Move feedback on",
            description = "Forward only (new → triaged → planned → done, steps may be skipped), from the `version` read"
                    + " (409 `stale-version` otherwise), with an optional `note` the reporter reads in their list and"
                    + " is pushed under their chat consent. Another garage's feedback is 404. Audited.")
    public Uni<Feedback> move(@PathParam("id") UUID id, @Valid @NotNull StatusChange change) {
        return inbox.move(actor.get(), id, change);
    }
}
