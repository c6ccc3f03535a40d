package com.garage.mobile.domain.analytics;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An event as it is stored: what the app or the server said, and what the server adds (when it
 * was received, the app build, the garage and the pseudonymous user key).
 *
 * @param source     {@code app} or {@code server}
 * @param clientTime the app's clock when it happened; null for the server's facts
 */
public record AnalyticsEvent(UUID id, Instant receivedAt, Instant occurredAt, String name, String source,
        UUID garageId, String userKey, String app, String platform, String appVersion, Instant clientTime,
        boolean offline, UUID journeyId, Map<String, Object> properties) {
}
