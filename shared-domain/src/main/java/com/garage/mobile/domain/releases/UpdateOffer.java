package com.garage.mobile.domain.releases;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Whether a newer version is offered to this person now, and which: the newest available release
 * of their app and platform whose rollout to a ring they receive has reached their bucket.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UpdateOffer(boolean available, String version, String build, String notes, String minimumOs,
        Ring rolloutRing) {

    public static final UpdateOffer NONE = new UpdateOffer(false, null, null, null, null, null);
}
