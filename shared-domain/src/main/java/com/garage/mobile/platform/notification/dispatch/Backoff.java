package com.garage.mobile.platform.notification.dispatch;

import com.garage.mobile.domain.notification.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long a failed notification waits before its next attempt: doubling from the first retry up
 * to the longest wait, with a little jitter so that a provider coming back is not hit by every
 * pod's backlog in the same second.
 */
@ApplicationScoped
class Backoff {

    private static final double JITTER = 0.1;

    private final NotificationConfig.Dispatch config;

    Backoff(NotificationConfig config) {
        this.config = config.dispatch();
    }

    /** The wait after the given number of failed attempts (1 after the first failure). */
    Duration after(int failedAttempts) {
        long first = config.firstRetry().toMillis();
        long doubled = first << Math.min(failedAttempts - 1, 20);
        long capped = Math.min(doubled, config.maxRetry().toMillis());
        long jitter = (long) (capped * JITTER * ThreadLocalRandom.current().nextDouble());
        return Duration.ofMillis(capped + jitter);
    }
}
