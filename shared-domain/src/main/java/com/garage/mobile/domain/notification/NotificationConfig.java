package com.garage.mobile.domain.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Set;

/** How notifications are decided, held, paced and retried. */
@ConfigMapping(prefix = "garage.notifications")
public interface NotificationConfig {

    /** The privacy policy version recorded with consents the server grants on the user's behalf. */
    @WithDefault("2025-06")
    String policyVersion();

    /** Categories that reach the phone even in the person's quiet hours. */
    @WithDefault("APPROVALS")
    Set<NotificationCategory> criticalCategories();

    /** How long a notification stays worth delivering. */
    @WithDefault("24h")
    Duration ttl();

    /** How long a notification's outbox items are kept once sent, dropped or expired. */
    @WithDefault("30d")
    Duration keepFinished();

    Decision decision();

    RateLimit rateLimit();

    Reminders reminders();

    /** Turning job events into outbox rows. */
    interface Decision {
        /** How often each pod looks for undecided events (the live event feed also wakes it). */
        @WithDefault("2s")
        Duration interval();

        /** How long a wake-up by a live event waits for more, so that one pass decides them together. */
        @WithDefault("50ms")
        Duration gather();

        /** Events one pass decides at most. */
        @WithDefault("100")
        int batchSize();

        /** Failed decisions of one event before it is left for an operator (it stays in the table). */
        @WithDefault("10")
        int maxAttempts();

        /** How long an event's decision is remembered (when and after how many attempts) once made. */
        @WithDefault("7d")
        Duration retention();

        /** How often each pod forgets decisions older than the retention. */
        @WithDefault("1h")
        Duration sweepEvery();
    }

    /** Protects a person from a burst of notifications. */
    interface RateLimit {
        /** Notifications one person gets at most per window; more wait for a free slot. */
        @WithDefault("10")
        int maxPerWindow();

        @WithDefault("10m")
        Duration window();
    }

    /** Reminders of confirmed appointments. */
    interface Reminders {
        @WithDefault("true")
        boolean enabled();

        /** How long before the appointment the reminder goes out. */
        @WithDefault("24h")
        Duration lead();

        /** How often the reminder pass runs. */
        @WithDefault("1m")
        Duration every();
    }
}
