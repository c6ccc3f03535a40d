package com.garage.mobile.platform.security.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Sliding-window rate limits per user and per device, kept in Redis. The budgets of each class
 * are set in {@code META-INF/microprofile-config.properties}.
 */
@ConfigMapping(prefix = "garage.rate-limit")
public interface RateLimitConfig {

    /** Whether requests are counted at all. */
    @WithDefault("true")
    boolean enabled();

    /** How long to wait for Redis before letting a request through uncounted. */
    @WithDefault("250ms")
    Duration redisTimeout();

    /** Every API call not marked otherwise. */
    Budget standard();

    /** Uploads. */
    Budget upload();

    /** Attestation nonces, device registration. */
    Budget signIn();

    /** Chat messages sent. */
    Budget chatSend();

    default Budget of(RateClass rateClass) {
        return switch (rateClass) {
            case STANDARD -> standard();
            case UPLOAD -> upload();
            case SIGN_IN -> signIn();
            case CHAT_SEND -> chatSend();
        };
    }

    /** How many calls fit in the window, counted per user and per device. */
    interface Budget {

        /** Calls one person may make in the window. */
        int perUser();

        /** Calls one device ({@code X-Device-Id}) may make in the window, whoever is signed in. */
        int perDevice();

        /** The sliding window. */
        Duration window();
    }
}
