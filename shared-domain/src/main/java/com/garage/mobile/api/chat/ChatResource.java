package com.garage.mobile.api.chat;

import com.garage.mobile.domain.access.AccessConfig;
import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.chat.ChatMessages;
import com.garage.mobile.domain.chat.ChatReads;
import com.garage.mobile.domain.chat.QuickReply;
import com.garage.mobile.domain.paging.Page;
import com.garage.mobile.platform.audit.AuditedAs;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.platform.releases.KillSwitched;
import com.garage.mobile.platform.security.ratelimit.RateClass;
import com.garage.mobile.platform.security.ratelimit.RateLimited;
import com.garage.mobile.platform.web.PageRequest;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The conversations one takes part in and their messages, in both apps; each person sees only the
 * channels {@code ChatVisibility} gives them, and the rest is "not found".
 */
@Path("/api/v1/chat")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Chat", description = "Conversations between customers, advisors and technicians")
public class ChatResource {

    private final CurrentActor actor;
    private final ChatReads reads;
    private final ChatMessages messages;
    private final AccessConfig access;

    public ChatResource(CurrentActor actor, ChatReads reads, ChatMessages messages, AccessConfig access) {
        this.actor = actor;
        this.reads = reads;
        this.messages = messages;
        this.access = access;
    }

    /** A quick reply the app offers. */
    public record QuickReplyView(String name, String text) {
    }

    @GET
    @Path("/conversations")
    @PermissionsAllowed(Capability.CHAT_READ)
    @Operation(operationId = "listConversations", summary = "List my conversations",
            description = "The conversations the caller takes part in, the latest message first, with the channels"
                    + " they may read and each channel's last message number; a page at a time (`after`, `limit`).")
    public Uni<Page<ConversationView>> list(@Valid @BeanParam PageRequest page) {
        return reads.conversations(actor.get(), page.cursor(), page.limit()).map(p -> p.map(ConversationView::of));
    }

    @GET
    @Path("/conversations/{id}")
    @PermissionsAllowed(Capability.CHAT_READ)
    @Operation(operationId = "getConversation", summary = "Get a conversation",
            description = "One conversation with the channels the caller may read; 404 if they may read none.")
    @APIResponseSchema(ConversationView.class)
    public Uni<ConversationView> get(@PathParam("id") UUID id) {
        return reads.conversation(actor.get(), id).map(ConversationView::of);
    }

    @GET
    @Path("/conversations/{id}/messages")
    @PermissionsAllowed(Capability.CHAT_READ)
    @Operation(operationId = "listMessages", summary = "Read a channel's messages",
            description = "The `channel`'s messages (`CUSTOMER`, the default, or `WORKSHOP`): newest first from the"
                    + " end or `before` a message number (scrolling back), or oldest first `after` one (catching up);"
                    + " `nextCursor` is the number to pass on the same way. A channel the caller may not read is 404.")
    public Uni<Page<MessageView>> history(@PathParam("id") UUID id, @Valid @BeanParam HistoryRequest page) {
        Actor reader = actor.get();
        return reads.history(reader, id, page.channel(), page.after(), page.before(), page.limit())
                .map(p -> p.map(message -> MessageView.of(message, reader.role())));
    }

    @PUT
    @Path("/conversations/{id}/messages/{messageId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.CHAT_SEND)
    @RateLimited(RateClass.CHAT_SEND)
    @AuditedAs(action = ChatMessages.SEND, resource = "chat-message", idParam = "messageId")
    @KillSwitched("chat")
    @Operation(operationId = "sendMessage", summary = "Send a message",
            description = "Sends text or a quick reply into a channel under an id the app chose (a UUID), or"
                    + " `attachments` (media uploaded for the conversation, stored and checked) with or without text;"
                    + " a media still uploading is 409 `media-not-ready`. Sending"
                    + " the same id again answers the message already sent (200) and writes nothing; the same id with"
                    + " other content is 409 `message-id-reused`. The server numbers each channel's messages 1, 2, 3…"
                    + " in order, with no gaps.")
    @APIResponse(responseCode = "201", description = "Sent",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MessageView.class)))
    @APIResponse(responseCode = "200", description = "Sent before under this id: the stored message",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MessageView.class)))
    public Uni<Response> send(@PathParam("id") UUID id, @PathParam("messageId") UUID messageId,
            @Valid @NotNull SendRequest request) {
        Actor sender = actor.get();
        return messages.send(sender, id, request.channel(), messageId, request.text(), request.quickReply(),
                        request.media())
                .map(sent -> Response.status(sent.created() ? Response.Status.CREATED : Response.Status.OK)
                        .entity(MessageView.of(sent.message(), sender.role())).build());
    }

    @GET
    @Path("/quick-replies")
    @PermissionsAllowed(Capability.CHAT_SEND)
    @Operation(operationId = "listQuickReplies", summary = "List the quick replies",
            description = "The one-tap messages this app offers: questions in the customer app, answers in the"
                    + " technician app. Send one by its `name` as `quickReply`.")
    public List<QuickReplyView> quickReplies() {
        boolean customers = access.audience() == AppAudience.CUSTOMER;
        return Arrays.stream(QuickReply.values()).filter(reply -> reply.forCustomers() == customers)
                .map(reply -> new QuickReplyView(reply.name(), reply.text())).toList();
    }
}
