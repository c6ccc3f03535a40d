package com.garage.mobile.platform.payment.stripe;

import com.garage.mobile.platform.webhook.TimestampedSignature;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Stripe's webhook signature: {@code Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "t.rawBody">[,v1=…]}, checked as {@link TimestampedSignature} checks it.
 */
public final class StripeSignature {

    private static final TimestampedSignature SCHEME = new TimestampedSignature("Stripe-Signature");

    private StripeSignature() {
    }

    /** Why a signature is refused, or null when it is valid. */
    public static String refusal(String header, byte[] rawBody, List<String> secrets, Instant now,
            Duration tolerance) {
        return SCHEME.refusal(header, rawBody, secrets, now, tolerance);
    }

    /** The hex HMAC-SHA256 Stripe puts in {@code v1}; tests and the local-stack script sign with it too. */
    public static String sign(String secret, long timestamp, byte[] rawBody) {
        return TimestampedSignature.sign(secret, timestamp, rawBody);
    }
}
