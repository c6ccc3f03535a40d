package com.garage.mobile.platform.outbox;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How long failed work waits before its next attempt: doubling from the first retry up to the
 * longest wait, with a little jitter so that a remote coming back is not hit by every pod's
 * backlog in the same second.
 */
public final class Backoff {

    private static final double JITTER = 0.1;

    private final Duration firstRetry;
    private final Duration maxRetry;
    private final DoubleSupplier random;

    /** {@code random} gives numbers in [0, 1). */
    public Backoff(Duration firstRetry, Duration maxRetry, DoubleSupplier random) {
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
        this.random = random;
    }

    /** The wait after the given number of failed attempts (1 after the first failure). */
    public Duration after(int failedAttempts) {
        long first = firstRetry.toMillis();
        long doubled = first << Math.min(Math.max(failedAttempts, 1) - 1, 20);
        long capped = Math.min(doubled, maxRetry.toMillis());
        long jitter = (long) (capped * JITTER * random.getAsDouble());
        return Duration.ofMillis(capped + jitter);
    }
}
