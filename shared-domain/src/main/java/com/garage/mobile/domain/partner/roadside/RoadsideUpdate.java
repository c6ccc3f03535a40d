package com.garage.mobile.domain.partner.roadside;

import java.time.Instant;

/**
 * What a partner says of a request, by webhook or when polled, in our canonical terms.
 *
 * @param etaAt      when the responder should arrive; required with {@code ACCEPTED}
 * @param latitude   the responder's position, when the partner shares it (null otherwise)
 * @param occurredAt when the partner says it happened: orders updates that arrive out of order
 */
public record RoadsideUpdate(RoadsideStatus status, Instant etaAt, Double latitude, Double longitude,
        Instant occurredAt) {
}
