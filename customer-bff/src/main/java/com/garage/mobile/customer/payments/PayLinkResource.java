package com.garage.mobile.customer.payments;

import com.garage.mobile.platform.payment.PaymentLinks;
import com.garage.mobile.platform.security.ratelimit.RateClass;
import com.garage.mobile.platform.security.ratelimit.RateLimited;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Pay by link: no sign-in, the link's single-use token is the credential. Opening it sends the
 * customer to the payment provider's hosted page for exactly the amount the link was issued for.
 */
@Path("/pay/{token}")
@Tag(name = "Pay by link", description = "Links the garage sends to customers without the app")
public class PayLinkResource {

    private final PaymentLinks links;

    public PayLinkResource(PaymentLinks links) {
        this.links = links;
    }

    @GET
    @RateLimited(RateClass.PAY_LINK)
    @Operation(operationId = "openPaymentLink", summary = "Open a pay-by-link link",
            description = "Claims the single-use link and redirects (303) to the provider's hosted payment page for"
                    + " its amount; a used, expired or unknown link gets 410. Limited per client IP and per link:"
                    + " over the budget, 429 with `Retry-After`.")
    public Uni<Response> open(@PathParam("token") @Pattern(regexp = "[A-Za-z0-9_-]{43}",
            message = "must be a payment link token") String token) {
        return links.open(token).map(checkout -> Response.seeOther(URI.create(checkout.url())).build());
    }
}
