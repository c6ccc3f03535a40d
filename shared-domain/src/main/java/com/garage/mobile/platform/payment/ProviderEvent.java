package com.garage.mobile.platform.payment;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A provider's webhook event, as received and verified.
 *
 * @param intentId  the payment intent it concerns, if any
 * @param paymentId our payment's id from the object's metadata, if any
 */
public record ProviderEvent(String provider, String id, String type, Instant createdAt, String intentId,
        String paymentId, JsonObject payload) {
}
