package com.garage.mobile.api.chat;

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

/** A conversation's priority and awaited response, and escalating it, in both apps. */
@Path("/api/v1/chat/conversations/{id}/escalation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Chat", description = "Conversations between customers, advisors and technicians")
public class EscalationResource {

    private final CurrentActor actor;
    private final Escalations escalations;

    public EscalationResource(CurrentActor actor, Escalations escalations) {
        this.actor = actor;
        this.escalations = escalations;
    }

    @GET
    @PermissionsAllowed(Capability.CHAT_READ)
    @Operation(operationId = "getConversationEscalation", summary = "Get a conversation's priority and deadlines",
            description = "Its priority and whether a staff answer is awaited; staff also see the assigned advisor"
                    + " and when the answer is due and the warning goes out, on the garage's business hours.")
    @APIResponseSchema(EscalationView.class)
    public Uni<EscalationView> get(@PathParam("id") UUID id) {
        Actor reader = actor.get();
        return escalations.state(reader, id).map(state -> EscalationView.of(state, reader));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.CHAT_SEND)
    @AuditedAs(action = Escalations.ESCALATE, resource = "chat-conversation")
    @Operation(operationId = "escalateConversation", summary = "Escalate a conversation",
            description = "Raises the priority to at least `priority` (`HIGH` or `URGENT`), which shortens the"
                    + " response target of the answer awaited. Asking for a priority it already has or exceeds"
                    + " changes nothing, so a retry is harmless. The garage's staff hear of it live"
                    + " (`chat.priority-changed`), with the reason.")
    @APIResponseSchema(EscalationView.class)
    public Uni<EscalationView> escalate(@PathParam("id") UUID id, @Valid @NotNull EscalateRequest request) {
        Actor caller = actor.get();
        return escalations.escalate(caller, id, request.priority(), request.reason())
                .map(state -> EscalationView.of(state, caller));
    }
}
