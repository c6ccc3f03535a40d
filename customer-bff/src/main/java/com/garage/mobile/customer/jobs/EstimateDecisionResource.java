package com.garage.mobile.customer.jobs;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.job.EstimateDecisionService;
import com.garage.mobile.domain.job.JobCardQueries;
import com.garage.mobile.domain.problem.Problem;
import com.garage.mobile.domain.problem.StaleVersionException;
import com.garage.mobile.platform.audit.AuditedAs;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.platform.security.stepup.StepUp;
import com.garage.mobile.platform.web.BaseVersion;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

/**
 * The customer approves or declines a line of their repair's estimate: sensitive, since it commits
 * them to pay, so it needs a recent strong sign-in. Answers with the repair as it now stands.
 */
@Path("/api/v1/jobs/{jobId}/estimate-lines/{lineId}/decision")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Estimate decisions", description = "Approving or declining the work on the customer's car")
public class EstimateDecisionResource {

    private final CurrentActor actor;
    private final EstimateDecisionService decisions;
    private final JobCardQueries jobs;

    public EstimateDecisionResource(CurrentActor actor, EstimateDecisionService decisions, JobCardQueries jobs) {
        this.actor = actor;
        this.decisions = decisions;
        this.jobs = jobs;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.ESTIMATE_DECIDE)
    @StepUp("approve or decline work on your car")
    @AuditedAs(action = EstimateDecisionService.ACTION, resource = "job", idParam = "jobId")
    @Operation(operationId = "decideEstimateLine", summary = "Approve or decline an estimate line",
            description = "Approves or declines one line of the estimate of the caller's repair, based on the version"
                    + " in `If-Match` or `baseVersion`; needs a recent strong sign-in. Answers with the repair as it"
                    + " now stands; a stale version gets 409 with the repair as it is now.")
    @APIResponseSchema(CustomerJobView.class)
    public Uni<Response> decide(@PathParam("jobId") UUID jobId, @PathParam("lineId") UUID lineId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull DecisionRequest request) {
        Actor customer = actor.get();
        long baseVersion = BaseVersion.resolve(ifMatch, request.baseVersion());
        return decisions.decide(customer, jobId, lineId, request.decision(), request.note(), baseVersion)
                .chain(() -> view(customer, jobId))
                .map(view -> Response.ok(view).build())
                .onFailure(StaleVersionException.class).recoverWithUni(stale -> conflict(customer, jobId, stale));
    }

    private Uni<CustomerJobView> view(Actor customer, UUID jobId) {
        return jobs.forCustomer(customer, jobId).map(CustomerJobViews::of);
    }

    /** A decision based on an old version of the line: 409 with the repair as it is now. */
    private Uni<Response> conflict(Actor customer, UUID jobId, StaleVersionException stale) {
        return view(customer, jobId).map(current -> {
            Problem problem = stale.problem().withCurrent(current);
            return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
        });
    }
}
