package com.garage.mobile.domain.analytics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Event ingest, storage and the server's facts (docs/analytics.md). */
@ConfigMapping(prefix = "garage.analytics")
public interface AnalyticsConfig {

    /**
     * How old an event's client time may be (an app offline for days) and still be stored. Must
     * stay below {@link #dedupeFor()}, so a late resend still meets its first copy.
     */
    @WithDefault("72h")
    Duration lateBound();

    /** How far ahead of the server an app's clock may run before its events are refused. */
    @WithDefault("10m")
    Duration clockSkew();

    /** How long an event id is remembered to drop resends; at least 7 days. */
    @WithDefault("8d")
    Duration dedupeFor();

    /** How long events are kept: day partitions older than this are dropped. */
    @WithDefault("400d")
    Duration retention();

    /** How many day partitions are created ahead of today. */
    @WithDefault("3")
    int partitionsAhead();

    /**
     * The key of the pseudonymous user key (HMAC-SHA256 of garage and person): without it the key
     * cannot be traced back to a person. Set it from a secret in production; rotating it starts new keys.
     */
    @WithDefault("garage-analytics-dev-key")
    String userKeySecret();

    /**
     * How many statements a pod's sink runs at once; the batches that arrive while they run are
     * written together in the next, so more apps share one commit (docs/analytics.md).
     */
    @WithDefault("2")
    int writesAtOnce();

    /** At most how many events one statement of the sink writes (a batch is never split). */
    @WithDefault("1000")
    int rowsPerWrite();

    /** How long the registered schemas are kept in the pod before they are read again. */
    @WithDefault("30s")
    Duration schemaCacheFor();

    /** Batches one device may send in {@link #deviceWindow()}. */
    @WithDefault("120")
    int batchesPerDevice();

    /** The sliding window of the per-device budget. */
    @WithDefault("1m")
    Duration deviceWindow();

    /**
     * How long a job event waits before the server's facts read it: a transaction that took a lower
     * id but committed later is still seen.
     */
    @WithDefault("5s")
    Duration factsSettle();

    /** How often a pod looks for new job events to record as the server's facts (the scheduler reads it too). */
    @WithDefault("2s")
    Duration factsEvery();
}
