package com.garage.mobile.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the outbox claims, leases and retries outbound work. */
@ConfigMapping(prefix = "garage.outbox")
public interface OutboxConfig {

    /** Off on pods that must not do outbound work (the items wait for a pod that does). */
    @WithDefault("true")
    boolean enabled();

    /** How often each pod looks for due work. */
    @WithDefault("1s")
    Duration interval();

    /** Items one claim takes at most. */
    @WithDefault("50")
    int batchSize();

    /** How long a claimed item is kept from other pods; a crashed pod's items return after it. */
    @WithDefault("2m")
    Duration lease();

    /** Failed attempts before an item becomes a dead letter. */
    @WithDefault("10")
    int maxAttempts();

    /** Wait before the first retry; doubled on each further failure. */
    @WithDefault("15s")
    Duration firstRetry();

    /** Longest wait between retries. */
    @WithDefault("30m")
    Duration maxRetry();

    /** How often each pod deletes finished items past their kind's retention. */
    @WithDefault("1h")
    Duration sweepEvery();
}
