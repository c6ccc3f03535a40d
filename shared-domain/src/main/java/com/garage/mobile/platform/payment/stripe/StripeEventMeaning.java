package com.garage.mobile.platform.payment.stripe;

import com.garage.mobile.domain.payment.PaymentProvider;
import com.garage.mobile.domain.payment.PaymentStatus;
import com.garage.mobile.domain.payment.ProviderIntent;
import com.garage.mobile.platform.payment.ProviderEventMeaning;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Stripe's events about payments: a PaymentIntent's own events carry the intent; a completed
 * Checkout Session (pay by link) names its intent, which is read back from Stripe; an expired one
 * closes its payment.
 */
@ApplicationScoped
public class StripeEventMeaning implements ProviderEventMeaning {

    private final PaymentProvider stripe;

    public StripeEventMeaning(PaymentProvider stripe) {
        this.stripe = stripe;
    }

    @Override
    public String provider() {
        return StripeClient.NAME;
    }

    @Override
    public Uni<Optional<ProviderIntent>> intentOf(JsonObject event) {
        String type = event.getString("type", "");
        JsonObject object = event.getJsonObject("data", new JsonObject()).getJsonObject("object", new JsonObject());
        if (type.startsWith("payment_intent.")) {
            ProviderIntent intent = StripeObjects.intent(object);
            return Uni.createFrom().item(Optional.of(type.equals("payment_intent.payment_failed")
                    ? failed(intent) : intent));
        }
        String paymentId = object.getJsonObject("metadata", new JsonObject()).getString("payment_id");
        if (type.equals("checkout.session.completed") && object.getValue("payment_intent") instanceof String id) {
            return stripe.retrieve(id).map(intent -> Optional.of(new ProviderIntent(intent.id(), intent.status(),
                    intent.amountMinor(), intent.currency(), null, paymentId, intent.lastError(),
                    intent.captureBefore())));
        }
        if (type.equals("checkout.session.expired") && paymentId != null) {
            return Uni.createFrom().item(Optional.of(new ProviderIntent(object.getString("id"),
                    PaymentStatus.CANCELED, 0, "", null, paymentId, null, null)));
        }
        return Uni.createFrom().item(Optional.empty());
    }

    /** A failure event whose intent already asks for a new method: still a decline to show. */
    private static ProviderIntent failed(ProviderIntent intent) {
        return intent.status() == PaymentStatus.AWAITING_METHOD ? new ProviderIntent(intent.id(), PaymentStatus.FAILED,
                intent.amountMinor(), intent.currency(), null, intent.paymentId(),
                intent.lastError() != null ? intent.lastError() : "declined", null) : intent;
    }
}
