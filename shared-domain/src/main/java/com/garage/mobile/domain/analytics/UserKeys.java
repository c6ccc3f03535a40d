package com.garage.mobile.domain.analytics;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pseudonymous key analytics stores for a person: HMAC-SHA256 under a server secret of the
 * garage and the person's id, cut to 128 bits. The same person always gets the same key, so
 * journeys join up, but without the secret the key leads back to no one.
 */
public final class UserKeys {

    private final SecretKeySpec secret;

    public UserKeys(String secret) {
        this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The key of the person, or null for no person (the garage's system). */
    public String of(UUID garageId, UUID personId) {
        if (personId == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            byte[] digest = mac.doFinal((garageId + ":" + personId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
