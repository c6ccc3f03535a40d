package com.garage.mobile.api.estimates;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.estimate.EstimateApprovals;
import com.garage.mobile.platform.identity.CurrentActor;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A job's approval records in both apps: a customer's own jobs, staff their garage's. */
@Path("/api/v1/jobs/{jobId}/estimate-approvals")
@Tag(name = "Estimate approvals", description = "The customer's signed decisions on an estimate")
public class JobApprovalsResource {

    private final CurrentActor actor;
    private final EstimateApprovals approvals;

    public JobApprovalsResource(CurrentActor actor, EstimateApprovals approvals) {
        this.actor = actor;
        this.approvals = approvals;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @PermissionsAllowed({Capability.GARAGE_JOBS_READ, Capability.OWN_JOBS_READ})
    @Operation(operationId = "listEstimateApprovals", summary = "List a job's approval records",
            description = "Every signed decision on the job's estimate, oldest first. A customer lists those of their"
                    + " own jobs, staff those of their garage's jobs; any other job is 404.")
    public Uni<List<ApprovalView>> list(@PathParam("jobId") UUID jobId) {
        return approvals.ofJob(actor.get(), jobId).map(found -> found.stream().map(ApprovalView::of).toList());
    }

}
