package com.garage.mobile.platform.partner;

import com.garage.mobile.platform.webhook.TimestampedSignature;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The partner webhook signature of our generic contract: {@code Garage-Partner-Signature:
 * t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.rawBody">}, checked as {@link TimestampedSignature}
 * checks it, under the partner's secrets.
 */
public final class PartnerSignature {

    public static final String HEADER = "Garage-Partner-Signature";
    private static final TimestampedSignature SCHEME = new TimestampedSignature(HEADER);

    private PartnerSignature() {
    }

    /** Why a signature is refused, or null when it is valid. */
    public static String refusal(String header, byte[] rawBody, List<String> secrets, Instant now,
            Duration tolerance) {
        return SCHEME.refusal(header, rawBody, secrets, now, tolerance);
    }

    /** The hex HMAC-SHA256 of {@code "t.rawBody"}; the partner stub signs with it too. */
    public static String sign(String secret, long timestamp, byte[] rawBody) {
        return TimestampedSignature.sign(secret, timestamp, rawBody);
    }

    /** The whole header value for a body signed at {@code at}. */
    public static String header(String secret, Instant at, byte[] rawBody) {
        return TimestampedSignature.value(secret, at, rawBody);
    }
}
