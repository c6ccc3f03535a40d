package com.garage.mobile.technician.chat;

import com.garage.mobile.api.chat.EscalationView;
import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.chat.escalation.Escalations;
import com.garage.mobile.platform.audit.AuditedAs;
import com.garage.mobile.platform.identity.CurrentActor;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Advisors and admins set a conversation's priority and hand it over to another advisor. */
@Path("/api/v1/chat")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Chat", description = "Conversations between customers, advisors and technicians")
public class ConversationEscalationResource {

    private final CurrentActor actor;
    private final Escalations escalations;

    public ConversationEscalationResource(CurrentActor actor, Escalations escalations) {
        this.actor = actor;
        this.escalations = escalations;
    }

    @PUT
    @Path("/conversations/{id}/priority")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.CHAT_MANAGE)
    @AuditedAs(action = Escalations.SET_PRIORITY, resource = "chat-conversation")
    @Operation(operationId = "setConversationPriority", summary = "Set a conversation's priority",
            description = "Sets the priority, higher or lower; the answer awaited is due by the new priority's"
                    + " target, counted from the customer's message. The same priority again changes nothing. Staff"
                    + " hear of it live (`chat.priority-changed`).")
    @APIResponseSchema(EscalationView.class)
    public Uni<EscalationView> priority(@PathParam("id") UUID id, @Valid @NotNull PriorityRequest request) {
        Actor advisor = actor.get();
        return escalations.setPriority(advisor, id, request.priority(), request.reason())
                .map(state -> EscalationView.of(state, advisor));
    }

    @PUT
    @Path("/conversations/{id}/assignee")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.CHAT_MANAGE)
    @AuditedAs(action = Escalations.HANDOVER, resource = "chat-conversation")
    @Operation(operationId = "handOverConversation", summary = "Hand a conversation over to another advisor",
            description = "The advisor named answers the conversation from now on: warnings of a late answer go to"
                    + " them. Every advisor reads the whole history. Someone who is not an active advisor of the"
                    + " garage is 400 (`advisorId`); handing over to the advisor it already has changes nothing."
                    + " Staff hear of it live (`chat.assigned`).")
    @APIResponseSchema(EscalationView.class)
    public Uni<EscalationView> handOver(@PathParam("id") UUID id, @Valid @NotNull HandoverRequest request) {
        Actor advisor = actor.get();
        return escalations.handOver(advisor, id, request.advisorId()).map(state -> EscalationView.of(state, advisor));
    }
}
