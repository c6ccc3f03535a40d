package com.garage.mobile.technician.payments;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.platform.audit.AuditedAs;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.platform.payment.IssuedLink;
import com.garage.mobile.platform.payment.PaymentLinks;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The advisor sends a customer without the app a link to pay what is due on their job. */
@Path("/api/v1/jobs/{jobId}/payment-links")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Payments", description = "Deposits, invoices and pay-by-link for the garage's staff")
public class PaymentLinkResource {

    private final CurrentActor actor;
    private final PaymentLinks links;

    public PaymentLinkResource(CurrentActor actor, PaymentLinks links) {
        this.actor = actor;
        this.links = links;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.GARAGE_PAYMENTS)
    @AuditedAs(action = PaymentLinks.ISSUE, resource = "job", idParam = "jobId")
    @Operation(operationId = "issuePaymentLink", summary = "Issue a pay-by-link link",
            description = "A single-use link, valid for a limited time, that opens the payment provider's hosted page"
                    + " for exactly what is due now (the deposit or the balance). The link is shown once; only its"
                    + " hash is stored.")
    public Uni<IssuedLink> issue(@PathParam("jobId") UUID jobId, @Valid @NotNull PaymentLinkRequest request) {
        return links.issue(actor.get(), jobId, request.purpose());
    }
}
