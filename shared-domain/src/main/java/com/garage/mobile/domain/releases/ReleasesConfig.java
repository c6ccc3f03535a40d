package com.garage.mobile.domain.releases;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Release management: the default rollout schedule and crash budget, the automatic halt, spikes. */
@ConfigMapping(prefix = "garage.releases")
public interface ReleasesConfig {

    /** The steps of a scheduled rollout in basis points (1 % = 100); the App Store's phased release by default. */
    @WithDefault("100,200,500,1000,2000,5000,10000")
    List<Integer> scheduleSteps();

    /** How long each step of a scheduled rollout runs. */
    @WithDefault("1d")
    Duration scheduleStepLength();

    /** A new release's crash budget: the share of crash-free sessions, basis points (99.5 %). */
    @WithDefault("9950")
    int budgetCrashFreeBp();

    /** A new release's crash budget: the sessions needed before it is judged. */
    @WithDefault("500")
    int budgetMinSessions();

    /** Whether this pod evaluates running rollouts against their budgets. */
    @WithDefault("true")
    boolean evaluate();

    /** How often running rollouts are evaluated. */
    @WithDefault("5m")
    Duration evaluateEvery();

    /** A crash issue spikes with at least this many events in an hour… */
    @WithDefault("10")
    int spikeMinEvents();

    /** …that are at least this many times its hourly average over the day before. */
    @WithDefault("3")
    int spikeFactor();

    /**
     * The app operator's own garage, whose admins alone change releases for every garage
     * ({@link ReleaseOperator}); none: any admin (a single-garage deployment).
     */
    Optional<UUID> operatorGarage();

    /** How long a pod keeps the minimum versions and kill switches it read before reading them again. */
    @WithDefault("10s")
    Duration settingsTtl();

    default RolloutSchedule schedule() {
        return new RolloutSchedule(scheduleSteps(), scheduleStepLength());
    }
}
