package com.garage.mobile.platform.sync;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Delta sync ({@code GET /api/v1/sync}) settings. */
@ConfigMapping(prefix = "garage.sync")
public interface SyncConfig {

    /**
     * How long a cursor stays usable. Older ones get resync-required; change-log rows older than
     * this (plus a margin for long transactions) may be pruned.
     */
    @WithDefault("30d")
    Duration cursorRetention();

    /** How long closed jobs (and past appointments) stay in staff scopes; after that, a tombstone. */
    @WithDefault("7d")
    Duration closedJobWindow();
}
