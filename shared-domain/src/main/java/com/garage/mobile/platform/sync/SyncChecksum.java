package com.garage.mobile.platform.sync;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;

/**
 * The count and an order-independent hash of a scope, which an app computes over its local copy:
 * for each record, SHA-256 of the UTF-8 text {@code type:id:rev} (id lower-case with hyphens, rev
 * in decimal), its first 8 bytes read as a big-endian 64-bit integer; all of them XORed together
 * (0 for an empty scope); written as 16 lower-case hex digits.
 */
public record SyncChecksum(long count, String hash) {

    public static SyncChecksum of(Collection<SyncRef> scope) {
        long xor = 0;
        for (SyncRef ref : scope) {
            xor ^= item(ref.type(), ref.id().toString(), ref.rev());
        }
        return new SyncChecksum(scope.size(), HexFormat.of().toHexDigits(xor));
    }

    /** One record's share of the hash. */
    public static long item(String type, String id, long rev) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((type + ":" + id + ":" + rev).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, 8).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
