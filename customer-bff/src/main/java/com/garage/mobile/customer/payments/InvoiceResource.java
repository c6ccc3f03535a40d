package com.garage.mobile.customer.payments;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.payment.Invoice;
import com.garage.mobile.domain.payment.InvoiceQueries;
import com.garage.mobile.platform.identity.CurrentActor;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The invoice of the customer's repair: approved work, deposit, what is paid and what is due now.
 */
@Path("/api/v1/jobs/{jobId}/invoice")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Payments", description = "The invoice of approved work, deposits, balances and receipts")
public class InvoiceResource {

    private final CurrentActor actor;
    private final InvoiceQueries invoices;

    public InvoiceResource(CurrentActor actor, InvoiceQueries invoices) {
        this.actor = actor;
        this.invoices = invoices;
    }

    @GET
    @PermissionsAllowed(Capability.OWN_PAYMENTS)
    @Operation(operationId = "getInvoice", summary = "Get the invoice of my repair",
            description = "The approved work of the caller's repair with tax, in the garage's currency and minor"
                    + " units; the deposit the garage asks, what is paid or held, and what is due now.")
    public Uni<Invoice> invoice(@PathParam("jobId") UUID jobId) {
        return invoices.of(actor.get(), jobId);
    }
}
