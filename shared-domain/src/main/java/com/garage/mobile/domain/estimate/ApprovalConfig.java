package com.garage.mobile.domain.estimate;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Settings of the customer's approvals. */
@ConfigMapping(prefix = "garage.approvals")
public interface ApprovalConfig {

    Reminders reminders();

    /** Reminding customers of estimates they have not answered, and alerting their advisor. */
    interface Reminders {
        @WithDefault("true")
        boolean enabled();

        /** After how long (since the current revision) each reminder goes out, in increasing order. */
        @WithDefault("24h,72h")
        List<Duration> delays();

        /** How often each pod looks for unanswered estimates. */
        @WithDefault("5m")
        Duration every();
    }
}
