package com.garage.mobile.api.chat;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.chat.MessageEdits;
import com.garage.mobile.platform.audit.AuditedAs;
import com.garage.mobile.platform.identity.CurrentActor;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

/** Editing one's own message within the edit window, and deleting a message (a tombstone stays), in both apps. */
@Path("/api/v1/chat")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Chat", description = "Conversations between customers, advisors and technicians")
public class MessageEditResource {

    private final CurrentActor actor;
    private final MessageEdits edits;

    public MessageEditResource(CurrentActor actor, MessageEdits edits) {
        this.actor = actor;
        this.edits = edits;
    }

    @PUT
    @Path("/conversations/{id}/messages/{messageId}/text")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.CHAT_SEND)
    @AuditedAs(action = MessageEdits.EDIT, resource = "chat-message", idParam = "messageId")
    @Operation(operationId = "editMessage", summary = "Edit my message",
            description = "Replaces the text of one's own typed message within the edit window (15 minutes after"
                    + " sending; later, a quick reply or a deleted message is 409). Someone else's is 403. The others"
                    + " see `chat.message-edited` live; the audit trail records the edit, never the text.")
    @APIResponseSchema(MessageView.class)
    public Uni<MessageView> edit(@PathParam("id") UUID id, @PathParam("messageId") UUID messageId,
            @Valid @NotNull EditRequest request) {
        Actor editor = actor.get();
        return edits.edit(editor, id, messageId, request.text()).map(m -> MessageView.of(m, editor.role()));
    }

    @DELETE
    @Path("/conversations/{id}/messages/{messageId}")
    @PermissionsAllowed(Capability.CHAT_SEND)
    @AuditedAs(action = MessageEdits.DELETE, resource = "chat-message", idParam = "messageId")
    @Operation(operationId = "deleteMessage", summary = "Delete a message",
            description = "Its author, or an advisor or admin, deletes a message: it stays as a tombstone (its number,"
                    + " author and times, no text). Deleting it again changes nothing.")
    @APIResponseSchema(MessageView.class)
    public Uni<MessageView> delete(@PathParam("id") UUID id, @PathParam("messageId") UUID messageId) {
        Actor remover = actor.get();
        return edits.delete(remover, id, messageId).map(m -> MessageView.of(m, remover.role()));
    }
}
