package com.garage.mobile.api.chat;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.chat.ChatReads;
import com.garage.mobile.domain.chat.ReadCursors;
import com.garage.mobile.domain.chat.UnreadCounts;
import com.garage.mobile.platform.audit.AuditedAs;
import com.garage.mobile.platform.identity.CurrentActor;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Delivered and read cursors, and the unread counts they give, in both apps. */
@Path("/api/v1/chat")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Chat", description = "Conversations between customers, advisors and technicians")
public class ReadCursorResource {

    private final CurrentActor actor;
    private final ReadCursors cursors;
    private final ChatReads reads;
    private final UnreadCounts unread;

    public ReadCursorResource(CurrentActor actor, ReadCursors cursors, ChatReads reads, UnreadCounts unread) {
        this.actor = actor;
        this.cursors = cursors;
        this.reads = reads;
        this.unread = unread;
    }

    @PUT
    @Path("/conversations/{id}/cursor")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.CHAT_READ)
    @AuditedAs(action = ReadCursors.READ, resource = "chat-conversation")
    @Operation(operationId = "markConversationRead", summary = "Say how far I have received and read a channel",
            description = "Moves the caller's delivered and read cursors of the channel forward (never back); the"
                    + " others in the channel see it live (`chat.read`). A number past the channel's last message is"
                    + " 400. Answers the conversation with its unread counts.")
    @APIResponseSchema(ConversationView.class)
    public Uni<ConversationView> mark(@PathParam("id") UUID id, @Valid @NotNull CursorRequest request) {
        Actor reader = actor.get();
        return cursors.mark(reader, id, request.channel(), request.delivered(), request.read())
                .chain(() -> reads.conversation(reader, id)).map(ConversationView::of);
    }

    @GET
    @Path("/unread")
    @PermissionsAllowed(Capability.CHAT_READ)
    @Operation(operationId = "countUnreadMessages", summary = "Count my unread messages",
            description = "Unread messages over every conversation the caller takes part in (only the channels they"
                    + " may read), and in how many conversations, for the app's badge.")
    @APIResponseSchema(UnreadCounts.Unread.class)
    public Uni<UnreadCounts.Unread> unread() {
        return unread.of(actor.get());
    }
}
