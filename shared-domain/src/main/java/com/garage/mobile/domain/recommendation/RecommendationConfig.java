package com.garage.mobile.domain.recommendation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of recommendations: horizons, quiet times, push caps and the learned model. */
@ConfigMapping(prefix = "garage.recommendations")
public interface RecommendationConfig {

    /**
     * Whether this pod runs the scheduled passes (daily sweep, push, model training). The test profile
     * switches them off, so that no pass writes while another feature's test compares data; tests run
     * the passes explicitly.
     */
    @WithDefault("true")
    boolean scheduled();

    /** A service falling due within this many days is recommended ("due soon"). */
    @WithDefault("30")
    int dueHorizonDays();

    /** How long a dismissed recommendation stays quiet before it may come back. */
    @WithDefault("90d")
    Duration dismissQuiet();

    /** The longest a customer may snooze a recommendation. */
    @WithDefault("90d")
    Duration maxSnooze();

    /** Declined work older than this is no longer followed up. */
    @WithDefault("365d")
    Duration declinedFollowUp();

    /** The most recommendation pushes a customer receives per week (safety ones included). */
    @WithDefault("2")
    int pushesPerWeek();

    /** How often each pod refreshes every vehicle with readings or declined work (services due by time). */
    @WithDefault("24h")
    Duration sweepEvery();

    /** How often each pod looks for new recommendations to push. */
    @WithDefault("15m")
    Duration pushEvery();

    Model model();

    /** The model learned from the garage's closed jobs. */
    interface Model {
        /** How often each pod tries to retrain; one pod at a time trains a garage (advisory lock). */
        @WithDefault("6h")
        Duration every();

        /** Retrain a garage whose model is older than this. */
        @WithDefault("24h")
        Duration maxAge();

        /** Closed jobs of the last this-many days are learned from. */
        @WithDefault("730")
        int historyDays();

        /** A rule needs the signal and the work together in at least this many jobs. */
        @WithDefault("3")
        int minTogether();

        /** A rule needs at least this share of the signal's jobs to include the work. */
        @WithDefault("0.2")
        double minConfidence();
    }
}
