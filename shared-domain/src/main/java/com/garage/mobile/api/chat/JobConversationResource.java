package com.garage.mobile.api.chat;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.chat.ChatReads;
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

/** Where a job's screen finds the job's conversation, in both apps. */
@Path("/api/v1/jobs/{id}/conversation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Chat", description = "Conversations between customers, advisors and technicians")
public class JobConversationResource {

    private final CurrentActor actor;
    private final ChatReads reads;

    public JobConversationResource(CurrentActor actor, ChatReads reads) {
        this.actor = actor;
        this.reads = reads;
    }

    @GET
    @PermissionsAllowed(Capability.CHAT_READ)
    @Operation(operationId = "getJobConversation", summary = "Get a job's conversation",
            description = "The job's conversation with the channels the caller may read: its customer the customer"
                    + " channel, a technician on the job the workshop channel (and the customer channel once added),"
                    + " advisors both. 404 if the caller may read neither.")
    @APIResponseSchema(ConversationView.class)
    public Uni<ConversationView> get(@PathParam("id") UUID jobId) {
        return reads.ofJob(actor.get(), jobId).map(ConversationView::of);
    }
}
