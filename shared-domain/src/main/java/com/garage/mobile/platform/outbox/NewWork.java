package com.garage.mobile.platform.outbox;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.UUID;

/**
 * An item of outbound work to enqueue.
 *
 * @param dedupeKey with the kind, what makes it unique: the same key enqueued again is ignored
 * @param route     what the handler may pause as a whole (a provider, a partner); may be null
 * @param expiresAt after this the work is not worth doing
 */
public record NewWork(String kind, UUID garageId, String dedupeKey, String route, JsonObject payload,
        Instant dueAt, Instant expiresAt) {
}
