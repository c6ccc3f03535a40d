package com.garage.mobile.platform.cache;

import com.garage.mobile.platform.problem.LoggedFailure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Whether the cache's Redis answered lately. A failure is logged once per outage, and reads skip
 * Redis for a short while after it, so a slow Redis does not slow every request by its timeout.
 */
@ApplicationScoped
public class RedisHealth {

    private static final Logger LOG = Logger.getLogger(RedisHealth.class);

    private final CacheConfig config;
    private final CacheMetrics metrics;
    private final AtomicBoolean down = new AtomicBoolean();
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

    /** Records an answer; true for the one answer that ends an outage. */
    boolean answered() {
        return down.get() && down.compareAndSet(true, false);
    }
}
