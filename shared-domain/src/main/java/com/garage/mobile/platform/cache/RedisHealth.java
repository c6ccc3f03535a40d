package com.garage.mobile.platform.cache;

import com.garage.mobile.platform.problem.LoggedFailure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Whether the cache's Redis answered lately. A failure is logged once per outage, and reads skip
 * Redis for a short while after it, so a slow Redis does not slow every request by its timeout.
 * Whether an eviction may have been lost is kept apart: only that makes what Redis holds untrustworthy,
 * so a read that was merely slow (a busy pod, a busy Redis) abandons nothing.
 */
@ApplicationScoped
public class RedisHealth {

    private static final Logger LOG = Logger.getLogger(RedisHealth.class);

    private final CacheConfig config;
    private final CacheMetrics metrics;
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicBoolean evictionsLost = new AtomicBoolean();
    private volatile long skipUntil = System.nanoTime();

    public RedisHealth(CacheConfig config, CacheMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
    }

    /** Whether reads should try Redis now. */
    boolean usable() {
        return !down.get() || System.nanoTime() - skipUntil >= 0;
    }

    void failed(Throwable failure) {
        metrics.failure();
        skipUntil = System.nanoTime() + config.retryAfter().toNanos();
        if (down.compareAndSet(false, true)) {
            LOG.warnf("Payload cache unavailable: Redis failed (%s); reading from PostgreSQL",
                    LoggedFailure.describe(failure));
        }
    }

    /** An eviction that failed or timed out: it may not have happened. */
    void evictionFailed(Throwable failure) {
        evictionsLost.set(true);
        failed(failure);
    }

    /** An eviction not tried, as Redis failed moments ago. */
    void evictionSkipped() {
        evictionsLost.set(true);
    }

    /** Records an answer; true for the one answer after evictions were lost, which must abandon what is stored. */
    boolean answered() {
        if (down.get()) {
            down.set(false);
        }
        return evictionsLost.get() && evictionsLost.compareAndSet(true, false);
    }
}
