package com.garage.mobile.customer.payments;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.payment.PaymentOpening;
import com.garage.mobile.platform.audit.AuditedAs;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.platform.payment.PaymentIntents;
import com.garage.mobile.platform.security.stepup.StepUp;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The customer pays what is due on their repair. Paying needs a recent strong sign-in; the amount
 * is always the server's, and the provider's client secret is in the answer only.
 */
@Path("/api/v1/jobs/{jobId}/payments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Payments", description = "The invoice of approved work, deposits, balances and receipts")
public class PaymentResource {

    private final CurrentActor actor;
    private final PaymentIntents intents;

    public PaymentResource(CurrentActor actor, PaymentIntents intents) {
        this.actor = actor;
        this.intents = intents;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.OWN_PAYMENTS)
    @StepUp("pay for the work on your car")
    @AuditedAs(action = PaymentOpening.ACTION, resource = "job", idParam = "jobId")
    @Operation(operationId = "payInvoice", summary = "Pay what is due on my repair",
            description = "Prepares the payment of what is due now (the deposit or the balance) for the amount the"
                    + " server computes, and answers with the provider's client secret for the app's SDK. Two pays"
                    + " of one invoice share one payment. Needs a recent strong sign-in.")
    public Uni<PaymentView> pay(@PathParam("jobId") UUID jobId,
            @HeaderParam("Idempotency-Key") @Pattern(regexp = "[A-Za-z0-9_-]{8,100}",
                    message = "must be 8 to 100 letters, digits, '-' or '_'") String idempotencyKey,
            @Valid @NotNull PayRequest request) {
        Actor customer = actor.get();
        String confirmKey = "confirm-" + (idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString());
        return intents.prepare(customer, jobId, request.purpose(), request.paymentMethod(), confirmKey)
                .map(prepared -> PaymentView.of(prepared.payment(), prepared.intent().clientSecret()));
    }
}
