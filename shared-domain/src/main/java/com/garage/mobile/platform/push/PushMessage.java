package com.garage.mobile.platform.push;

import com.garage.mobile.domain.notification.PushPriority;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What a push says, and how the provider should treat it.
 *
 * @param data        small string values the app reads when opened from the notification
 * @param collapseKey notifications sharing it replace each other on the device; may be null
 * @param ttl         how long the provider should keep trying to reach the device
 * @param expiresAt   the moment after which the message is not worth showing
 */
public record PushMessage(String title, String body, Map<String, String> data, String collapseKey,
        PushPriority priority, Duration ttl, Instant expiresAt) {
}
