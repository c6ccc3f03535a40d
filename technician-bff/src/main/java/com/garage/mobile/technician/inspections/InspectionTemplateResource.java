package com.garage.mobile.technician.inspections;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.inspection.InspectionTemplateService;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The garage's inspection templates: everyone on staff reads them, advisors and admins write them. */
@Path("/api/v1/inspection-templates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inspections")
public class InspectionTemplateResource {

    private final CurrentActor actor;
    private final InspectionTemplateService templates;

    public InspectionTemplateResource(CurrentActor actor, InspectionTemplateService templates) {
        this.actor = actor;
        this.templates = templates;
    }

    @GET
    @PermissionsAllowed(Capability.GARAGE_JOBS_READ)
    @Operation(operationId = "listInspectionTemplates", summary = "List inspection templates",
            description = "The garage's inspection templates, by name, each at its current version.")
    public Uni<List<TemplateView>> list() {
        return templates.list(actor.get()).map(found -> found.stream().map(TemplateView::of).toList());
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed(Capability.GARAGE_JOBS_READ)
    @Operation(operationId = "getInspectionTemplate", summary = "Get an inspection template",
            description = "One template of the garage: sections, items and measurements with units and thresholds.")
    @APIResponseSchema(TemplateView.class)
    public Uni<Response> get(@PathParam("id") UUID id) {
        return templates.get(actor.get(), id).map(TemplateView::of)
                .map(view -> VersionedResponses.ok(view, view.version()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.INSPECTION_TEMPLATES_MANAGE)
    @AuditedAs(action = InspectionTemplateService.CREATE, resource = "inspection-template")
    @Operation(operationId = "createInspectionTemplate", summary = "Create an inspection template",
            description = "Sections of items, each with a key unique in the template, some with measurements in a"
                    + " unit with yellow and red thresholds on their bad side (`BELOW` or `ABOVE`).")
    @APIResponseSchema(value = TemplateView.class, responseCode = "201")
    public Uni<Response> create(@Valid @NotNull TemplateRequest request) {
        return templates.create(actor.get(), request.name(), request.sections()).map(TemplateView::of)
                .map(view -> Response.created(URI.create("/api/v1/inspection-templates/" + view.id())).entity(view)
                        .header(HttpHeaders.ETAG, BaseVersion.etag(view.version())).build());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.INSPECTION_TEMPLATES_MANAGE)
    @AuditedAs(action = InspectionTemplateService.EDIT, resource = "inspection-template")
    @Operation(operationId = "editInspectionTemplate", summary = "Edit an inspection template",
            description = "Replaces the template's name and sections as a new version; inspections made from it keep"
                    + " their copy. Based on `If-Match` or `baseVersion`; stale gets 409 with the template as it is.")
    @APIResponseSchema(TemplateView.class)
    public Uni<Response> edit(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull TemplateRequest request) {
        Actor editor = actor.get();
        long baseVersion = BaseVersion.resolve(ifMatch, request.baseVersion());
        return templates.edit(editor, id, baseVersion, request.name(), request.sections()).map(TemplateView::of)
                .map(view -> VersionedResponses.ok(view, view.version()))
                .onFailure(StaleVersionException.class).recoverWithUni(stale -> templates.get(editor, id)
                        .map(TemplateView::of).map(current -> VersionedResponses.conflict(stale, current,
                                current.version())));
    }
}
