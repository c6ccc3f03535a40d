package com.garage.mobile.domain.payment;

import io.smallrye.mutiny.Uni;

/**
 * A payment provider's API, as the garage uses it: the platform fills it (Stripe today; an Adyen
 * adapter would fill the same port). Card data never passes through us: the app confirms with the
 * provider's SDK or the customer pays on the provider's hosted page.
 */
public interface PaymentProvider {

    /** The provider's name, as stored with each payment. */
    String name();

    Uni<ProviderIntent> create(IntentRequest request);

    /** Confirms the intent with a payment method the app's SDK made; a decline fails with {@link PaymentDeclinedException}. */
    Uni<ProviderIntent> confirm(String intentId, String paymentMethod, String idempotencyKey);

    Uni<ProviderIntent> retrieve(String intentId);

    /** Takes a held amount. */
    Uni<ProviderIntent> capture(String intentId, String idempotencyKey);

    /** The hosted payment page for exactly this payment, returning the customer to {@code returnUrl}. */
    Uni<HostedCheckout> checkout(IntentRequest request, String returnUrl);
}
