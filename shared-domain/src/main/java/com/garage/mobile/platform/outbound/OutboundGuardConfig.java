package com.garage.mobile.platform.outbound;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithDefaults;
import java.time.Duration;
import java.util.Map;

/**
 * The fault-tolerance guard of each outbound client, by the client's name
 * ({@code garage.outbound.guard."<name>".*}, e.g. {@code garage.outbound.guard.fcm.timeout=5s}); a
 * client without settings of its own takes these defaults.
 */
@ConfigMapping(prefix = "garage.outbound")
public interface OutboundGuardConfig {

    @WithDefaults
    Map<String, Guard> guard();

    /** Timeout, immediate retries, circuit breaker and bulkhead of one client. */
    interface Guard {
        /** How long one call may take; a call that timed out is not retried here (the remote may have acted). */
        @WithDefault("10s")
        Duration timeout();

        /** Immediate retries when the remote certainly did not take the call (unavailable, no connection). */
        @WithDefault("2")
        int maxRetries();

        @WithDefault("250ms")
        Duration retryDelay();

        @WithDefault("100ms")
        Duration retryJitter();

        /** Calls in the breaker's rolling window. */
        @WithDefault("8")
        int requestVolumeThreshold();

        /** Share of failed calls in the window that opens the breaker. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long an open breaker refuses calls before it lets trial calls through. */
        @WithDefault("30s")
        Duration breakerDelay();

        /** Successful trial calls that close the breaker again. */
        @WithDefault("2")
        int successThreshold();

        /** Calls in flight at once; a slow remote cannot hold more of our connections and memory than this. */
        @WithDefault("32")
        int bulkheadLimit();

        /** Calls waiting for a place in flight; beyond them a call is refused at once (BulkheadException). */
        @WithDefault("64")
        int bulkheadQueue();
    }
}
