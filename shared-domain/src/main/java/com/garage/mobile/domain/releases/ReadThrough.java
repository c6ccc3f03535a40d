package com.garage.mobile.domain.releases;

import com.garage.mobile.domain.time.GarageClock;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Settings read on hot paths (every change request's posture check, every app start), kept in the
 * pod for a short while: a change made on this pod is seen at once ({@link #forget}), one made on
 * another pod within the time to live.
 */
final class ReadThrough<K, V> {

    private record Held<V>(V value, Instant readAt) {
    }

    private final Map<K, Held<V>> held = new ConcurrentHashMap<>();
    private final GarageClock clock;
    private final Duration ttl;
    private final Function<K, Uni<V>> read;

    ReadThrough(GarageClock clock, Duration ttl, Function<K, Uni<V>> read) {
        this.clock = clock;
        this.ttl = ttl;
        this.read = read;
    }

    Uni<V> get(K key) {
        Instant now = clock.now();
        Held<V> current = held.get(key);
        if (current != null && !current.readAt().plus(ttl).isBefore(now) && !current.readAt().isAfter(now)) {
            return Uni.createFrom().item(current.value());
        }
        return read.apply(key).invoke(value -> held.put(key, new Held<>(value, now)));
    }

    void forget() {
        held.clear();
    }
}
