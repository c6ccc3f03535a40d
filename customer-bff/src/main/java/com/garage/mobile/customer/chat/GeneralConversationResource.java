package com.garage.mobile.customer.chat;

import com.garage.mobile.api.chat.ConversationView;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.chat.ChatReads;
import com.garage.mobile.platform.identity.CurrentActor;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The customer's own conversation with the garage about anything outside a repair. */
@Path("/api/v1/chat/general")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Chat", description = "Conversations between customers, advisors and technicians")
public class GeneralConversationResource {

    private final CurrentActor actor;
    private final ChatReads reads;

    public GeneralConversationResource(CurrentActor actor, ChatReads reads) {
        this.actor = actor;
        this.reads = reads;
    }

    @GET
    @PermissionsAllowed(Capability.CHAT_READ)
    @Operation(operationId = "getGeneralConversation", summary = "Get my general conversation",
            description = "The caller's conversation with the garage for questions outside a job: one customer"
                    + " channel, read and written like a job's (`/api/v1/chat/conversations/{id}/messages`).")
    @APIResponseSchema(ConversationView.class)
    public Uni<ConversationView> get() {
        return reads.general(actor.get()).map(ConversationView::of);
    }
}
