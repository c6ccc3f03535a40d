package com.garage.mobile.technician.inspections;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.audit.AuditedAction;
import com.garage.mobile.domain.inspection.InspectionItemService;
import com.garage.mobile.domain.job.JobEventPublisher;
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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One item of an inspection: what the technician found. */
@Path("/api/v1/inspection-items/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inspections")
public class InspectionItemResource {

    private final CurrentActor actor;
    private final InspectionItemService items;
    private final InspectionItemAnswers answers;
    private final AuditedAction audited;
    private final JobEventPublisher stream;

    public InspectionItemResource(CurrentActor actor, InspectionItemService items, InspectionItemAnswers answers,
            AuditedAction audited, JobEventPublisher stream) {
        this.actor = actor;
        this.items = items;
        this.answers = answers;
        this.audited = audited;
        this.stream = stream;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.INSPECTION_WRITE)
    @AuditedAs(action = InspectionItemService.ACTION, resource = "inspection-item")
    @Operation(operationId = "updateInspectionItem", summary = "Record an inspection item",
            description = "Sets the item's condition (green, yellow, red or null), note and measurements while the"
                    + " inspection is in progress. The answer's `suggestedCondition` is what the measurements suggest."
                    + " Based on `If-Match` or `baseVersion`; stale gets 409 with the item as it is now.")
    @APIResponseSchema(InspectionView.ItemView.class)
    public Uni<Response> update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull InspectionRequests.ItemUpdate request) {
        Actor editor = actor.get();
        long baseVersion = BaseVersion.resolve(ifMatch, request.baseVersion());
        return audited.run(editor, InspectionItemService.ACTION, "inspection-item", id,
                        () -> items.update(editor, id, baseVersion, request.finding()))
                .call(changed -> stream.publish(changed.events()))
                .chain(changed -> answers.current(editor, id))
                .map(view -> VersionedResponses.ok(view, view.version()))
                .onFailure(StaleVersionException.class).recoverWithUni(stale -> answers.current(editor, id)
                        .map(current -> VersionedResponses.conflict(stale, current, current.version())));
    }
}
