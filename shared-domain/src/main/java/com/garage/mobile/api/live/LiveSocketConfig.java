package com.garage.mobile.api.live;

import io.smallrye.config.ConfigMapping;

/** What each app asks of a person before it opens the live channel to them. */
@ConfigMapping(prefix = "garage.live-socket")
public interface LiveSocketConfig {

    /** The capability the handshake requires, e.g. {@code job-board:read} in the technician app. */
    String capability();
}
