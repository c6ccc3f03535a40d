package com.garage.mobile.platform.partner;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The partner webhook signature of our generic contract: {@code Garage-Partner-Signature:
 * t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.rawBody">}. Valid when a {@code v1} matches under one
 * of the partner's secrets (several during a rotation) and {@code t} is within the tolerance of our
 * clock, so a captured delivery cannot be replayed later.
 */
public final class PartnerSignature {

    public static final String HEADER = "Garage-Partner-Signature";

    private PartnerSignature() {
    }

    /** Why a signature is refused, or null when it is valid. */
    public static String refusal(String header, byte[] rawBody, List<String> secrets, Instant now,
            Duration tolerance) {
        if (header == null || header.isBlank()) {
            return "The " + HEADER + " header is missing.";
        }
        Long timestamp = null;
        String signature = null;
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                timestamp = seconds(pair[1]);
            } else if (pair.length == 2 && pair[0].equals("v1") && signature == null) {
                signature = pair[1];
            }
        }
        if (timestamp == null || signature == null) {
            return "The " + HEADER + " header has no timestamp or no v1 signature.";
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            return "The webhook's signed timestamp is outside the tolerance of " + tolerance.toSeconds() + " s.";
        }
        byte[] given = signature.getBytes(StandardCharsets.US_ASCII);
        for (String secret : secrets) {
            if (MessageDigest.isEqual(sign(secret, timestamp, rawBody).getBytes(StandardCharsets.US_ASCII), given)) {
                return null;
            }
        }
        return "No signature matches the webhook's body under the partner's secrets.";
    }

    /** The hex HMAC-SHA256 of {@code "t.rawBody"}; the partner stub signs with it too. */
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
    public static String header(String secret, Instant at, byte[] rawBody) {
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
