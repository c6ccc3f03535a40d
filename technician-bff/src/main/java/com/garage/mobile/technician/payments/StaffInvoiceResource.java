package com.garage.mobile.technician.payments;

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

/** A job's invoice as the garage's advisors see it: what the customer owes, has paid and has held. */
@Path("/api/v1/jobs/{jobId}/invoice")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Payments", description = "Deposits, invoices and pay-by-link for the garage's staff")
public class StaffInvoiceResource {

    private final CurrentActor actor;
    private final InvoiceQueries invoices;

    public StaffInvoiceResource(CurrentActor actor, InvoiceQueries invoices) {
        this.actor = actor;
        this.invoices = invoices;
    }

    @GET
    @PermissionsAllowed(Capability.GARAGE_PAYMENTS)
    @Operation(operationId = "getJobInvoice", summary = "Get a job's invoice",
            description = "The approved work with tax in the garage's currency and minor units, the deposit asked,"
                    + " what is paid or held, and what is due now.")
    public Uni<Invoice> invoice(@PathParam("jobId") UUID jobId) {
        return invoices.of(actor.get(), jobId);
    }
}
