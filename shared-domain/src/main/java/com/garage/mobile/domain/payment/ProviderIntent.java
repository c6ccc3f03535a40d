package com.garage.mobile.domain.payment;

import java.time.Instant;

/**
 * What a payment provider says of one payment intent.
 *
 * @param clientSecret what the app's SDK needs to confirm it: handed to the app in a response, never stored or logged
 * @param paymentId    the payment it was made for (from its metadata), or null
 * @param lastError    the reason of the last decline, or null
 * @param captureBefore when a held amount lapses, if the provider says
 */
public record ProviderIntent(String id, PaymentStatus status, long amountMinor, String currency, String clientSecret,
        String paymentId, String lastError, Instant captureBefore) {

    @Override
    public String toString() {
        return "ProviderIntent[" + id + " " + status + " " + amountMinor + " " + currency + "]";
    }
}
