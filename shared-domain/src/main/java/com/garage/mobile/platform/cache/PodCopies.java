package com.garage.mobile.platform.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/** This pod's copies of the payloads it read from Redis, by key, each with the tag stored beside it there. */
final class PodCopies {

    private final Cache<String, Copy> copies;

    PodCopies(long bytes, Duration ttl) {
        this.copies = Caffeine.newBuilder().maximumWeight(bytes).weigher((String key, Copy copy) -> copy.size())
                .expireAfterWrite(ttl).build();
    }

    /** The tag of one store of a payload: random, so that two stores of one key can be told apart. */
    static byte[] newTag() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong()).getBytes(StandardCharsets.US_ASCII);
    }

    /** The copy kept under this key, or null. */
    Copy get(String key) {
        return copies.getIfPresent(key);
    }

    void keep(String key, Object value, byte[] tag, int size) {
        copies.put(key, new Copy(value, tag, size));
    }

    void drop(String key) {
        copies.invalidate(key);
    }

    /** A payload as this pod read it: its value, the tag stored with it, and its size in bytes. */
    record Copy(Object value, byte[] tag, int size) {

        boolean tagged(byte[] current) {
            return Arrays.equals(tag, current);
        }
    }
}
