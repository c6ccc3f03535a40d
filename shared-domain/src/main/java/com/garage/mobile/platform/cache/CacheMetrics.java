package com.garage.mobile.platform.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** What the cache did, counted per payload kind ({@code garage.cache.*}). */
@ApplicationScoped
public class CacheMetrics {

    private final MeterRegistry registry;

    public CacheMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void hit(String payload) {
        counter("garage.cache.hits", payload).increment();
    }

    void miss(String payload) {
        counter("garage.cache.misses", payload).increment();
    }

    void load(String payload) {
        counter("garage.cache.loads", payload).increment();
    }

    void eviction() {
        registry.counter("garage.cache.evictions").increment();
    }

    void failure() {
        registry.counter("garage.cache.failures").increment();
    }

    /** Loads from PostgreSQL so far for one payload kind. */
    public double loads(String payload) {
        return counter("garage.cache.loads", payload).count();
    }

    public double hits(String payload) {
        return counter("garage.cache.hits", payload).count();
    }

    private Counter counter(String name, String payload) {
        return registry.counter(name, "payload", payload);
    }
}
