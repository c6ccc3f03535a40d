package com.garage.mobile.domain.releases;

import java.util.Arrays;
import java.util.Locale;

/**
 * Who gets a release first: garage staff who opted in (internal), people who joined the beta, then
 * everyone (production). A person in an earlier ring is also offered what later rings get.
 */
public enum Ring {
    INTERNAL,
    BETA,
    PRODUCTION;

    /** Whether a person in this ring is offered a rollout made to {@code rollout}'s ring. */
    public boolean receives(Ring rollout) {
        return rollout.ordinal() >= ordinal();
    }

    /** The ring a text names (any case), or null. */
    public static Ring parse(String text) {
        return text == null ? null : Arrays.stream(values())
                .filter(ring -> ring.name().equals(text.trim().toUpperCase(Locale.ROOT))).findFirst().orElse(null);
    }
}
