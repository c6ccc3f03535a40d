package com.garage.mobile.domain.analytics;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One event of an app's batch that has passed its checks: the app's id, name, time and offline
 * flag, its properties, and the journey it belongs to (the schema's journey property), if any.
 */
public record SubmittedEvent(int index, UUID id, String name, Instant clientTime, boolean offline,
        Map<String, Object> properties, UUID journeyId) {
}
