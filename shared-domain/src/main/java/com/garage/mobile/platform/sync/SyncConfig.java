package com.garage.mobile.platform.sync;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Delta sync ({@code GET /api/v1/sync}) settings. */
@ConfigMapping(prefix = "garage.sync")
public interface SyncConfig {

    /**
     * How long a cursor stays usable. Older ones get resync-required; change-log rows older than
     * this (plus a day for long transactions) are pruned, each record's latest kept.
     */
    @WithDefault("30d")
    Duration cursorRetention();

    /** How often each pod prunes the change log. */
    @WithDefault("1h")
    Duration pruneEvery();

    /** How long closed jobs (and past appointments) stay in staff scopes; after that, a tombstone. */
    @WithDefault("7d")
    Duration closedJobWindow();
}
