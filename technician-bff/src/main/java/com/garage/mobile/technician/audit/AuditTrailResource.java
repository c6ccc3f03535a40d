package com.garage.mobile.technician.audit;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.audit.AuditChainVerifier;
import com.garage.mobile.domain.audit.AuditCursor;
import com.garage.mobile.domain.audit.AuditLog;
import com.garage.mobile.domain.audit.AuditSequencer;
import com.garage.mobile.domain.audit.ChainReport;
import com.garage.mobile.domain.paging.Page;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.platform.security.stepup.StepUp;
import com.garage.mobile.platform.web.PageRequest;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The garage's audit trail for its admins: is it intact, and what happened to a resource or by a person. */
@Path("/api/v1/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit trail", description = "The garage's tamper-evident audit trail, for its admins")
public class AuditTrailResource {

    private final CurrentActor actor;
    private final AuditSequencer sequencer;
    private final AuditChainVerifier verifier;
    private final AuditLog log;

    public AuditTrailResource(CurrentActor actor, AuditSequencer sequencer, AuditChainVerifier verifier,
            AuditLog log) {
        this.actor = actor;
        this.sequencer = sequencer;
        this.verifier = verifier;
        this.log = log;
    }

    /** Chains what has committed, then verifies the whole hash chain of the caller's garage. */
    @GET
    @Path("/verification")
    @PermissionsAllowed(Capability.AUDIT_READ)
    @StepUp("review the garage's audit trail")
    @Operation(operationId = "verifyAuditChain", summary = "Verify the audit trail",
            description = "Chains the entries committed so far, then verifies the whole hash chain of the caller's"
                    + " garage and reports the first break and how it breaks, and how many entries committed"
                    + " meanwhile wait to be chained. Admins only, with a recent strong sign-in.")
    public Uni<ChainReport> verify() {
        UUID garageId = actor.get().garageId();
        return sequencer.chain(garageId).chain(() -> verifier.verify(garageId));
    }

    /** The garage's entries, newest first: all, or those of one resource, or of one person. */
    @GET
    @Path("/entries")
    @PermissionsAllowed(Capability.AUDIT_READ)
    @StepUp("review the garage's audit trail")
    @Operation(operationId = "listAuditEntries", summary = "List audit entries",
            description = "The garage's audit entries, newest first: all of them, those of one resource"
                    + " (`resourceType` and `resourceId`) or those of one person (`actor`). Admins only, with a recent"
                    + " strong sign-in.")
    public Uni<Page<AuditEntryView>> entries(
            @QueryParam("resourceType") @Pattern(regexp = "[a-z][a-z0-9.-]{0,39}",
                    message = "must be a resource type such as job") String resourceType,
            @QueryParam("resourceId") @Size(max = 200) String resourceId,
            @QueryParam("actor") @Size(max = 255) String actorSubject,
            @Valid @BeanParam PageRequest page) {
        if (resourceId != null && resourceType == null) {
            throw ProblemException.invalidField("resourceType", "is needed with resourceId");
        }
        return log.page(actor.get().garageId(), new AuditLog.Filter(resourceType, resourceId, actorSubject),
                        AuditCursor.decode(page.after()), page.limit())
                .map(entries -> entries.map(AuditEntryView::of));
    }
}
