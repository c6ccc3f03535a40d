package com.garage.mobile.technician.jobs;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.job.EstimatePricingService;
import com.garage.mobile.domain.problem.StaleVersionException;
import com.garage.mobile.platform.audit.AuditedAs;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.platform.web.BaseVersion;
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

/** The advisor prices an estimate line, such as one an inspection finding recommended. */
@Path("/api/v1/estimate-lines/{id}/price")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Job cards")
public class EstimateLinePriceResource {

    private final CurrentActor actor;
    private final EstimatePricingService pricing;
    private final JobCardResource jobCards;

    public EstimateLinePriceResource(CurrentActor actor, EstimatePricingService pricing, JobCardResource jobCards) {
        this.actor = actor;
        this.pricing = pricing;
        this.jobCards = jobCards;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.ESTIMATE_PRICE)
    @AuditedAs(action = EstimatePricingService.ACTION, resource = "estimate-line")
    @Operation(operationId = "priceEstimateLine", summary = "Price an estimate line",
            description = "Sets the quantity and unit price of a line still awaiting the customer's decision (advisors"
                    + " and admins); a recommended line is shown to the customer from then on. Answers with the job."
                    + " Based on `If-Match` or `baseVersion` of the line; stale gets 409 with the job as it is now.")
    @APIResponseSchema(JobCardView.class)
    public Uni<Response> price(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull PriceRequest request) {
        Actor editor = actor.get();
        return pricing.price(editor, id, request.quantity(), request.unitPriceMinor(),
                        BaseVersion.resolve(ifMatch, request.baseVersion()))
                .chain(line -> jobCards.get(line.jobId))
                .onFailure(StaleVersionException.class).recoverWithUni(stale -> pricing.jobOf(editor, id)
                        .chain(jobId -> jobCards.conflict(editor, jobId, stale)));
    }
}
