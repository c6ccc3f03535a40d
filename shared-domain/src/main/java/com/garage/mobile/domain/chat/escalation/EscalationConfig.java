package com.garage.mobile.domain.chat.escalation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the response watch that warns before a chat response target is missed and escalates after. */
@ConfigMapping(prefix = "garage.chat-escalation")
public interface EscalationConfig {

    @WithDefault("true")
    boolean enabled();

    /** How often each pod looks for responses about to be, or now, overdue. */
    @WithDefault("1m")
    Duration every();
}
