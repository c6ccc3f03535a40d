package com.garage.mobile.technician.chat;

import com.garage.mobile.api.chat.ConversationView;
import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.chat.ChatParticipants;
import com.garage.mobile.domain.chat.ChatReads;
import com.garage.mobile.platform.audit.AuditedAs;
import com.garage.mobile.platform.identity.CurrentActor;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Advisors and admins add a technician to a conversation (its customer channel opens to them) or take them off. */
@Path("/api/v1/chat/conversations/{id}/technicians/{technicianId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Chat", description = "Conversations between customers, advisors and technicians")
public class ChatTechnicianResource {

    private final CurrentActor actor;
    private final ChatParticipants participants;
    private final ChatReads reads;

    public ChatTechnicianResource(CurrentActor actor, ChatParticipants participants, ChatReads reads) {
        this.actor = actor;
        this.participants = participants;
        this.reads = reads;
    }

    @PUT
    @PermissionsAllowed(Capability.CHAT_MANAGE)
    @AuditedAs(action = ChatParticipants.ADD, resource = "chat-conversation")
    @Operation(operationId = "addChatTechnician", summary = "Add a technician to a conversation",
            description = "The technician then reads and writes the customer channel too. Adding one who is already"
                    + " there changes nothing; someone who is not an active technician of the garage is 400.")
    @APIResponseSchema(ConversationView.class)
    public Uni<ConversationView> add(@PathParam("id") UUID id, @PathParam("technicianId") UUID technicianId) {
        Actor advisor = actor.get();
        return participants.add(advisor, id, technicianId).chain(() -> reads.conversation(advisor, id))
                .map(ConversationView::of);
    }

    @DELETE
    @PermissionsAllowed(Capability.CHAT_MANAGE)
    @AuditedAs(action = ChatParticipants.REMOVE, resource = "chat-conversation")
    @Operation(operationId = "removeChatTechnician", summary = "Take a technician off a conversation",
            description = "The technician no longer reads the customer channel (a technician on the job keeps the"
                    + " workshop channel). Taking off one who is not there changes nothing.")
    @APIResponseSchema(ConversationView.class)
    public Uni<ConversationView> remove(@PathParam("id") UUID id, @PathParam("technicianId") UUID technicianId) {
        Actor advisor = actor.get();
        return participants.remove(advisor, id, technicianId).chain(() -> reads.conversation(advisor, id))
                .map(ConversationView::of);
    }
}
