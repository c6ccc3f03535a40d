package com.garage.mobile.domain.clock;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Time on job settings ({@code garage.clock.*}). */
@ConfigMapping(prefix = "garage.clock")
public interface ClockConfig {

    /**
     * The oldest device time an offline entry may carry: how long an app may hold queued writes.
     * The same as the closed-job window (garage.sync.closed-job-window), after which the job has left
     * the app's copy anyway.
     */
    @WithDefault("7d")
    Duration offlineRetention();

    /** How far ahead of the server a device's clock may run before its times count as in the future. */
    @WithDefault("2m")
    Duration futureSkew();
}
