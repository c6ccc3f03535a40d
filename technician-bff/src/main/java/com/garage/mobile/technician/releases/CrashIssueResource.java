package com.garage.mobile.technician.releases;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.paging.Page;
import com.garage.mobile.domain.paging.PageCursor;
import com.garage.mobile.domain.releases.CrashIssues;
import com.garage.mobile.platform.audit.AuditedAs;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.platform.security.stepup.StepUp;
import com.garage.mobile.platform.web.PageRequest;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Crash issues of both apps: listed for admins, marked fixed so that a return is told as a regression. */
@Path("/api/v1/admin/crash-issues")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Releases", description = "Release health reports from the apps, beta opt-in, and release admin")
public class CrashIssueResource {

    private final CurrentActor actor;
    private final CrashIssues issues;

    public CrashIssueResource(CurrentActor actor, CrashIssues issues) {
        this.actor = actor;
        this.issues = issues;
    }

    @GET
    @PermissionsAllowed(Capability.RELEASES_MANAGE)
    @Operation(operationId = "listCrashIssues", summary = "List crash issues",
            description = "Most recently seen first (paged), each with its fingerprint, top frame, status, events and"
                    + " people affected.")
    public Uni<Page<CrashIssues.CrashIssue>> list(@Valid @BeanParam PageRequest page) {
        return issues.newest(page.cursor(), page.limit()).map(found -> Page.of(found, page.limit(),
                issue -> new PageCursor(issue.lastSeenAt(), issue.id()), issue -> issue));
    }

    @POST
    @Path("/{id}/fixed")
    @PermissionsAllowed(Capability.RELEASES_MANAGE)
    @StepUp("manage app releases")
    @AuditedAs(action = CrashIssues.FIXED, resource = "crash-issue", idParam = "id")
    @Operation(operationId = "markCrashIssueFixed", summary = "Mark a crash issue fixed",
            description = "A report of it afterwards reopens it and tells admins of a regression. Marking it twice is 409.")
    @APIResponse(responseCode = "204", description = "Marked fixed")
    public Uni<Response> fixed(@PathParam("id") UUID id) {
        return issues.markFixed(actor.get(), id).map(done -> Response.noContent().build());
    }
}
