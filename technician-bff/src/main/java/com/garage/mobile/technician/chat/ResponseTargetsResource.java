package com.garage.mobile.technician.chat;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.chat.escalation.ResponseTargetService;
import com.garage.mobile.domain.problem.StaleVersionException;
import com.garage.mobile.platform.audit.AuditedAs;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.platform.web.BaseVersion;
import com.garage.mobile.platform.web.VersionedResponses;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The garage's chat response targets per priority, and when the warning before one goes out. */
@Path("/api/v1/chat/response-targets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Chat", description = "Conversations between customers, advisors and technicians")
public class ResponseTargetsResource {

    private final CurrentActor actor;
    private final ResponseTargetService targets;

    public ResponseTargetsResource(CurrentActor actor, ResponseTargetService targets) {
        this.actor = actor;
        this.targets = targets;
    }

    @GET
    @PermissionsAllowed(Capability.CHAT_MANAGE)
    @Operation(operationId = "getChatResponseTargets", summary = "Get the garage's chat response targets",
            description = "First and next response targets per priority in minutes of business time, and the share"
                    + " of the target left when the warning goes out, with the version as the `ETag`. Until set:"
                    + " urgent 15/30, high 60/120, normal 240/480, warning with 20 % left.")
    @APIResponseSchema(ResponseTargetsView.class)
    public Uni<Response> get() {
        return view(actor.get()).map(view -> VersionedResponses.ok(view, view.version()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.CHAT_MANAGE)
    @AuditedAs(action = ResponseTargetService.ACTION, resource = "garage")
    @Operation(operationId = "changeChatResponseTargets", summary = "Change the garage's chat response targets",
            description = "Sets every target (1-10080 minutes) and the warning's share (1-90 %), based on the version"
                    + " in `If-Match` or `baseVersion`. They hold for answers awaited from now on. A stale version"
                    + " gets 409 with the targets as they are now.")
    @APIResponseSchema(ResponseTargetsView.class)
    public Uni<Response> change(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ResponseTargetsRequest request) {
        Actor staff = actor.get();
        long baseVersion = BaseVersion.resolve(ifMatch, request.baseVersion());
        return targets.change(staff, request.targets(), baseVersion)
                .map(ResponseTargetsView::of)
                .map(view -> VersionedResponses.ok(view, view.version()))
                .onFailure(StaleVersionException.class).recoverWithUni(stale -> view(staff)
                        .map(current -> VersionedResponses.conflict(stale, current, current.version())));
    }

    private Uni<ResponseTargetsView> view(Actor staff) {
        return targets.read(staff).map(ResponseTargetsView::of);
    }
}
