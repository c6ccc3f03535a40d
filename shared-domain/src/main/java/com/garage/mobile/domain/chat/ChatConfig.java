package com.garage.mobile.domain.chat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Chat settings. */
@ConfigMapping(prefix = "garage.chat")
public interface ChatConfig {

    /** How long after sending its author may still edit a message. */
    @WithDefault("15m")
    Duration editWindow();

    /** The least time between two typing signals one person sends of one channel; more are dropped. */
    @WithDefault("2500ms")
    Duration typingInterval();
}
