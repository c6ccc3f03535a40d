package com.garage.mobile.api.estimates;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.estimate.EstimateApprovals;
import com.garage.mobile.platform.identity.CurrentActor;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Approval records in both apps: a customer reads those of their own jobs, staff those of their
 * garage; as JSON or as the PDF the customer and the garage keep.
 */
@Path("/api/v1/estimate-approvals/{id}")
@Tag(name = "Estimate approvals", description = "The customer's signed decisions on an estimate")
public class EstimateApprovalResource {

    static final String PDF = "application/pdf";

    private final CurrentActor actor;
    private final EstimateApprovals approvals;

    public EstimateApprovalResource(CurrentActor actor, EstimateApprovals approvals) {
        this.actor = actor;
        this.approvals = approvals;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @PermissionsAllowed({Capability.GARAGE_JOBS_READ, Capability.OWN_JOBS_READ})
    @Operation(operationId = "getEstimateApproval", summary = "Read an approval record",
            description = "One signed decision: revision, the SHA-256 of what was shown, the decisions, the signer,"
                    + " the consent and the strong sign-in. A customer reads their own, staff their garage's; 404"
                    + " otherwise.")
    public Uni<ApprovalView> get(@PathParam("id") UUID id) {
        return approvals.one(actor.get(), id).map(filed -> ApprovalView.of(filed.approval()));
    }

    @GET
    @Path("/pdf")
    @Produces(PDF)
    @PermissionsAllowed({Capability.GARAGE_JOBS_READ, Capability.OWN_JOBS_READ})
    @Operation(operationId = "getEstimateApprovalPdf", summary = "Download an approval record as PDF",
            description = "The record as a PDF: the lines and prices exactly as shown, each decision, the totals, the"
                    + " signature, the consent text and the strong sign-in. Same visibility as the record.")
    @APIResponse(responseCode = "200", description = "The PDF",
            content = @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Uni<Response> pdf(@PathParam("id") UUID id) {
        return approvals.one(actor.get(), id)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(filed -> Response.ok(ApprovalDocument.render(filed.approval(), filed.jobNumber()), PDF)
                        .header("Content-Disposition", "attachment; filename=\"approval-" + id + ".pdf\"")
                        .build());
    }
}
