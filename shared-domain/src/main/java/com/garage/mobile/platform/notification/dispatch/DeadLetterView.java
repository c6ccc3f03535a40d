package com.garage.mobile.platform.notification.dispatch;

import com.garage.mobile.domain.notification.NotificationCategory;
import com.garage.mobile.domain.notification.device.DevicePlatform;
import java.time.Instant;
import java.util.UUID;

/**
 * A notification that could not be delivered, as an admin of its garage sees it.
 *
 * @param recipientId the customer or staff member it was for
 * @param reason      why it failed for good: the provider's last answer or the outage that outlasted it
 */
public record DeadLetterView(UUID id, long notificationId, NotificationCategory category, DevicePlatform platform,
        UUID recipientId, String title, String reason, int attempts, Instant deadAt, Instant replayedAt,
        String replayedBy) {
}
