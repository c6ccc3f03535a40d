package com.garage.mobile.platform.cache;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The hot-payload cache in Redis (docs/caching.md). */
@ConfigMapping(prefix = "garage.cache")
public interface CacheConfig {

    /** Whether payloads are cached at all; off, every read goes to PostgreSQL. */
    @WithDefault("true")
    boolean enabled();

    /** How long a payload may live; a safety net only, as events evict what they make stale. */
    @WithDefault("10m")
    Duration ttl();

    /**
     * How many bytes of payloads each pod keeps copies of, so that a hit on one of them reads only the
     * counters and the payload's tag from Redis, not the payload.
     */
    @WithDefault("32M")
    MemorySize podCopies();

    /** How long one Redis operation may take before the read goes to PostgreSQL instead. */
    @WithDefault("150ms")
    Duration redisTimeout();

    /**
     * How long an eviction may take. Longer than a read's: a read has PostgreSQL to fall back on, while an
     * eviction that gives up may not have happened, and then every payload of every garage is abandoned.
     */
    @WithDefault("2s")
    Duration evictionTimeout();

    /** After Redis failed, how long reads skip it before trying it again. */
    @WithDefault("1s")
    Duration retryAfter();

    /** How long a pod that lost the load lock waits for another pod's load before loading itself. */
    @WithDefault("500ms")
    Duration lockWait();

    /** How long the load lock is held at most, should its holder die while loading. */
    @WithDefault("3s")
    Duration lockTtl();
}
