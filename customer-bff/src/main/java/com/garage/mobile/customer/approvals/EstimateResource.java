package com.garage.mobile.customer.approvals;

import com.garage.mobile.api.estimates.ApprovalView;
import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.estimate.CustomerEstimate;
import com.garage.mobile.domain.estimate.EstimateApprovalService;
import com.garage.mobile.domain.estimate.EstimateApprovals;
import com.garage.mobile.domain.estimate.EstimateRevisedException;
import com.garage.mobile.domain.problem.Problem;
import com.garage.mobile.platform.audit.AuditedAs;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.platform.security.stepup.StepUp;
import com.garage.mobile.platform.security.stepup.StrongSignIns;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The customer's estimate and their signed decisions on it. Deciding commits them to pay, so it
 * needs a recent strong sign-in, whose evidence goes into the approval record.
 */
@Path("/api/v1/jobs/{jobId}/estimate")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Estimate approvals", description = "The customer's signed decisions on an estimate")
public class EstimateResource {

    private final CurrentActor actor;
    private final StrongSignIns signIns;
    private final EstimateApprovals estimates;
    private final EstimateApprovalService approvals;

    public EstimateResource(CurrentActor actor, StrongSignIns signIns, EstimateApprovals estimates,
            EstimateApprovalService approvals) {
        this.actor = actor;
        this.signIns = signIns;
        this.estimates = estimates;
        this.approvals = approvals;
    }

    @GET
    @PermissionsAllowed(Capability.OWN_JOBS_READ)
    @Operation(operationId = "getEstimate", summary = "Read the estimate of a repair",
            description = "The priced lines of the caller's repair at the current revision, grouped by the concern and"
                    + " by inspection finding (with its photos), required or recommended, each with its decision;"
                    + " totals with tax in minor units of the garage's currency. `revision` and `contentHash` go back"
                    + " with a decision.")
    public Uni<CustomerEstimate> get(@PathParam("jobId") UUID jobId) {
        return estimates.estimate(actor.get(), jobId);
    }

    @POST
    @Path("/approvals")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.ESTIMATE_DECIDE)
    @StepUp("approve or decline work on your car")
    @AuditedAs(action = EstimateApprovalService.ACTION, resource = "job", idParam = "jobId")
    @Operation(operationId = "approveEstimate", summary = "Approve or decline estimate lines, signed",
            description = "Approves or declines the named lines (or `all` lines awaiting a decision) of the revision the"
                    + " customer was shown, with their signature and the consent text shown; needs a recent strong"
                    + " sign-in. Answers 201 with the immutable approval record and the estimate. A revision or"
                    + " content hash that is no longer current gets 409 with the current estimate.")
    @APIResponseSchema(value = ApprovalOutcome.class, responseCode = "201")
    public Uni<Response> approve(@PathParam("jobId") UUID jobId, @Valid @NotNull ApprovalBody body) {
        Actor customer = actor.get();
        return approvals.decide(customer, jobId, body.toRequest(signIns.current()))
                .chain(record -> estimates.estimate(customer, jobId)
                        .map(estimate -> Response.status(Response.Status.CREATED)
                                .entity(new ApprovalOutcome(ApprovalView.of(record), estimate)).build()))
                .onFailure(EstimateRevisedException.class).recoverWithUni(revised -> estimates.estimate(customer, jobId)
                        .map(current -> {
                            Problem problem = revised.problem().withCurrent(current);
                            return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
                        }));
    }
}
