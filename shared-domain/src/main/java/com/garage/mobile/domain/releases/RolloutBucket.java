package com.garage.mobile.domain.releases;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Where a person falls in a release's rollout: SHA-256 of {@code "<releaseId>:<personId>"} (both as
 * lower-case UUID text, UTF-8), its first eight bytes read as an unsigned big-endian number, modulo
 * 10,000. A person is in when their bucket is below the rollout's percentage in basis points
 * (1 % = 100). The same person always lands in the same bucket of a release, so raising the
 * percentage only adds people and a halt followed by a resume keeps the same people in; salting
 * with the release gives each release its own first 1 %.
 */
public final class RolloutBucket {

    /** Buckets per rollout: a percentage in basis points compares with them directly. */
    public static final int BUCKETS = 10_000;

    private RolloutBucket() {
    }

    public static int of(UUID releaseId, UUID personId) {
        byte[] digest = sha256((releaseId + ":" + personId).getBytes(StandardCharsets.UTF_8));
        long first = ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        return (int) Long.remainderUnsigned(first, BUCKETS);
    }

    public static boolean isIn(UUID releaseId, UUID personId, int percentBp) {
        return of(releaseId, personId) < percentBp;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
