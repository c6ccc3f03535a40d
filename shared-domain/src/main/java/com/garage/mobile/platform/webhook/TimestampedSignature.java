package com.garage.mobile.platform.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook signature header of the form Stripe made common: {@code t=<unix seconds>,v1=<hex
 * HMAC-SHA256 of "t.rawBody">[,v1=…]}. Valid when a {@code v1} matches under one of the secrets
 * (several during a rotation) and {@code t} is within the tolerance of our clock, so a captured
 * delivery cannot be replayed later. Stripe's webhooks and our partners' use it.
 *
 * @param header the header's name, for the refusals
 */
public record TimestampedSignature(String header) {

    /** Why a signature is refused, or null when it is valid. */
    public String refusal(String value, byte[] rawBody, List<String> secrets, Instant now, Duration tolerance) {
        if (value == null || value.isBlank()) {
            return "The " + header + " header is missing.";
        }
        Long timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : value.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                timestamp = seconds(pair[1]);
            } else if (pair.length == 2 && pair[0].equals("v1")) {
                signatures.add(pair[1]);
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            return "The " + header + " header has no timestamp or no v1 signature.";
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            return "The webhook's signed timestamp is outside the tolerance of " + tolerance.toSeconds() + " s.";
        }
        for (String secret : secrets) {
            byte[] expected = sign(secret, timestamp, rawBody).getBytes(StandardCharsets.US_ASCII);
            for (String signature : signatures) {
                if (MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
                    return null;
                }
            }
        }
        return "No signature matches the webhook's body under a configured secret.";
    }

    /** The hex HMAC-SHA256 of {@code "t.rawBody"} that goes in {@code v1}; stubs and scripts sign with it too. */
    public static String sign(String secret, long timestamp, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(rawBody));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The whole header value for a body signed at {@code at}. */
    public static String value(String secret, Instant at, byte[] rawBody) {
        return "t=" + at.getEpochSecond() + ",v1=" + sign(secret, at.getEpochSecond(), rawBody);
    }

    private static Long seconds(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
