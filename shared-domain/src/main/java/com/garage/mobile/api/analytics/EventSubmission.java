package com.garage.mobile.api.analytics;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event as an app sends it; documents the shape only, as each event is read on its own. */
@Schema(description = "One event as the app recorded it")
public record EventSubmission(
        @Schema(description = "A UUID the app chose; a resend with the same id is stored once. A time-ordered"
                + " UUIDv7 (RFC 9562) is cheapest for the server to deduplicate", required = true) String id,
        @Schema(description = "A registered event name (GET /api/v1/admin/analytics/schemas)", required = true) String name,
        @Schema(description = "When it happened on the app's clock, ISO-8601", required = true) String clientTime,
        @Schema(description = "Whether the app was offline when it happened") Boolean offline,
        @Schema(description = "The properties its schema declares, each of its type") Map<String, Object> properties) {
}
