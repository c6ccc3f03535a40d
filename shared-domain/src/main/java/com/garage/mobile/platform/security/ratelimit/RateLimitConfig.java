package com.garage.mobile.platform.security.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * Sliding-window rate limits per user and per device (and, for calls without a signed-in person,
 * per client IP and per path where a class sets them), kept in Redis. The budgets of each class
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

    /** Pay-by-link links opened. */
    Budget payLink();

    default Budget of(RateClass rateClass) {
        return switch (rateClass) {
            case STANDARD -> standard();
            case UPLOAD -> upload();
            case SIGN_IN -> signIn();
            case CHAT_SEND -> chatSend();
            case PAY_LINK -> payLink();
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

        /**
         * Calls without a signed-in person from one client IP (endpoints open without a token, such
         * as pay by link); such calls are not counted when the class leaves it unset.
         */
        OptionalInt perClientIp();

        /** Calls without a signed-in person to one path (a link's token is in its path); unset: not counted. */
        OptionalInt perPath();
    }
}
