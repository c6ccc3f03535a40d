package com.garage.mobile.platform.outbox;

import com.garage.mobile.domain.notification.SqlTime;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.util.UUID;

/**
 * A claimed item of outbound work, as its handler gets it.
 *
 * @param attempts  failed attempts so far
 * @param lastError the previous attempt's failure, or null
 */
public record OutboundWork(long id, String kind, UUID garageId, String dedupeKey, String route, JsonObject payload,
        int attempts, String lastError, Instant expiresAt) {

    static final String COLUMNS = "id, kind, garage_id, dedupe_key, route, payload, attempts, last_error, expires_at";

    static OutboundWork of(Row row) {
        return new OutboundWork(row.getLong("id"), row.getString("kind"), row.getUUID("garage_id"),
                row.getString("dedupe_key"), row.getString("route"), row.getJsonObject("payload"),
                row.getInteger("attempts"), row.getString("last_error"), SqlTime.instant(row, "expires_at"));
    }
}
