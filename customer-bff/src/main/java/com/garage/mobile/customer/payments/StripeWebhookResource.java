package com.garage.mobile.customer.payments;

import com.garage.mobile.platform.payment.ProviderWebhooks;
import com.garage.mobile.platform.payment.stripe.StripeWebhookReader;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Stripe's webhook: no token, but a signature over the raw body that is verified before anything
 * is read. The event is stored once and answered at once; it is applied from the outbox.
 */
@Path("/webhooks/payments/stripe")
@Tag(name = "Payment provider webhooks", description = "Events from the payment provider, verified by signature")
public class StripeWebhookResource {

    private final StripeWebhookReader reader;
    private final ProviderWebhooks webhooks;

    public StripeWebhookResource(StripeWebhookReader reader, ProviderWebhooks webhooks) {
        this.reader = reader;
        this.webhooks = webhooks;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "receiveStripeWebhook", summary = "Receive a Stripe event",
            description = "Verifies the `Stripe-Signature` header (HMAC-SHA256 of the raw body, 300 s tolerance, any"
                    + " of the configured secrets), stores the event once by its id and answers at once; a bad or"
                    + " old signature gets 400 and changes nothing, a replayed event changes nothing.")
    public Uni<Map<String, Object>> receive(@HeaderParam("Stripe-Signature") String signature, byte[] body) {
        return Uni.createFrom().item(() -> reader.read(signature, body == null ? new byte[0] : body))
                .chain(event -> webhooks.receive(event)
                        .map(fresh -> Map.<String, Object>of("received", true, "duplicate", !fresh)));
    }
}
