package com.garage.mobile.domain.targeting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The bucketing hash, version 1 (docs/experiments.md): the first 8 bytes of
 * {@code SHA-256("v1:" + salt + ":" + purpose + ":" + unit)} (UTF-8) as an unsigned big-endian
 * number, modulo 10 000. The same unit, salt and purpose give the same bucket in every pod, every
 * release and every SDK that follows the document; the golden vectors in
 * {@code BucketHashTest} pin it. A change of the recipe is a new version, never an edit.
 */
public final class BucketHash {

    /** Buckets per experiment: weights and exposure are counted in hundredths of a percent. */
    public static final int BUCKETS = 10_000;
    public static final int VERSION = 1;

    private BucketHash() {
    }

    /** The unit's bucket, 0 to 9 999. */
    public static int bucket(String salt, String purpose, String unit) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("v1:" + salt + ":" + purpose + ":" + unit).getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (digest[i] & 0xff);
            }
            return (int) Long.remainderUnsigned(value, BUCKETS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
