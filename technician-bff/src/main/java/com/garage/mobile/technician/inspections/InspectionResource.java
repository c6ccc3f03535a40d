package com.garage.mobile.technician.inspections;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.inspection.Inspection;
import com.garage.mobile.domain.inspection.InspectionLifecycle;
import com.garage.mobile.domain.inspection.InspectionQueries;
import com.garage.mobile.domain.inspection.InspectionService;
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
import jakarta.ws.rs.POST;
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

/** A job's inspection: start it from a template, read it, complete it, publish it to the customer. */
@Path("/api/v1/jobs/{id}/inspection")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inspections", description = "Digital vehicle inspections of jobs, their items and templates")
public class InspectionResource {

    private final CurrentActor actor;
    private final InspectionQueries queries;
    private final InspectionService inspections;
    private final InspectionLifecycle lifecycle;

    public InspectionResource(CurrentActor actor, InspectionQueries queries, InspectionService inspections,
            InspectionLifecycle lifecycle) {
        this.actor = actor;
        this.queries = queries;
        this.inspections = inspections;
        this.lifecycle = lifecycle;
    }

    @GET
    @PermissionsAllowed(Capability.GARAGE_JOBS_READ)
    @Operation(operationId = "getInspection", summary = "Get a job's inspection",
            description = "Every item with its condition, measurements and what they suggest, photos and videos,"
                    + " the vehicle's carried-forward finding and the recommended estimate line; version as `ETag`.")
    @APIResponseSchema(InspectionView.class)
    public Uni<Response> get(@PathParam("id") UUID id) {
        return view(actor.get(), id).map(view -> VersionedResponses.ok(view, view.version()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.INSPECTION_WRITE)
    @AuditedAs(action = InspectionService.START, resource = "job")
    @Operation(operationId = "startInspection", summary = "Start a job's inspection",
            description = "Makes the job's one inspection from a template of the garage, copying its items; the"
                    + " yellow and red items of the vehicle's last completed inspection come with it.")
    @APIResponseSchema(value = InspectionView.class, responseCode = "201")
    public Uni<Response> start(@PathParam("id") UUID id, @Valid @NotNull InspectionRequests.Start request) {
        Actor editor = actor.get();
        return inspections.start(editor, id, request.templateId()).chain(() -> view(editor, id))
                .map(view -> Response.status(Response.Status.CREATED).entity(view)
                        .header(HttpHeaders.ETAG, BaseVersion.etag(view.version())).build());
    }

    @POST
    @Path("/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.INSPECTION_WRITE)
    @AuditedAs(action = InspectionLifecycle.COMPLETE, resource = "job")
    @Operation(operationId = "completeInspection", summary = "Complete a job's inspection",
            description = "Once every item is inspected: its yellow and red items become recommended estimate lines"
                    + " awaiting the advisor's price. Based on `If-Match` or `baseVersion`; stale gets 409.")
    @APIResponseSchema(InspectionView.class)
    public Uni<Response> complete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull InspectionRequests.Move request) {
        Actor editor = actor.get();
        return answer(editor, id, lifecycle.complete(editor, id, BaseVersion.resolve(ifMatch, request.baseVersion())));
    }

    @POST
    @Path("/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.INSPECTION_PUBLISH)
    @AuditedAs(action = InspectionLifecycle.PUBLISH, resource = "job")
    @Operation(operationId = "publishInspection", summary = "Publish a job's inspection",
            description = "Shows a completed inspection's customer-visible items, with their photos, to the customer"
                    + " (advisors and admins), who hears of it on the job's live channel. `If-Match` or `baseVersion`.")
    @APIResponseSchema(InspectionView.class)
    public Uni<Response> publish(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull InspectionRequests.Move request) {
        Actor editor = actor.get();
        return answer(editor, id, lifecycle.publish(editor, id, BaseVersion.resolve(ifMatch, request.baseVersion())));
    }

    private Uni<Response> answer(Actor editor, UUID id, Uni<Inspection> change) {
        return change.chain(() -> view(editor, id))
                .map(view -> VersionedResponses.ok(view, view.version()))
                .onFailure(StaleVersionException.class).recoverWithUni(stale -> view(editor, id)
                        .map(current -> VersionedResponses.conflict(stale, current, current.version())));
    }

    private Uni<InspectionView> view(Actor viewer, UUID id) {
        return queries.forStaff(viewer, id).map(InspectionViews::of);
    }
}
