package com.garage.mobile.domain.payment;

import java.util.UUID;

/**
 * A payment intent to create at the provider.
 *
 * @param idempotencyKey the payment's key: the same key replays the first answer
 * @param manualCapture  authorise now, capture later (a deposit held until work starts)
 */
public record IntentRequest(UUID paymentId, UUID jobId, long amountMinor, String currency, boolean manualCapture,
        String idempotencyKey, String description) {
}
