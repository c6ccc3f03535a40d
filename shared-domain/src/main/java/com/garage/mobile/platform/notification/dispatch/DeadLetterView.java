package com.garage.mobile.platform.notification.dispatch;

import com.garage.mobile.domain.notification.NotificationCategory;
import com.garage.mobile.domain.notification.device.DevicePlatform;
import com.garage.mobile.platform.outbox.DeadLetter;
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

    /** The notification's view of a dead letter of kind {@link PushNotificationHandler#KIND}. */
    public static DeadLetterView of(DeadLetter letter) {
        return new DeadLetterView(letter.id(), letter.workId(),
                NotificationCategory.valueOf((String) letter.summary().get("category")),
                DevicePlatform.valueOf((String) letter.summary().get("platform")),
                UUID.fromString((String) letter.summary().get("recipientId")), (String) letter.summary().get("title"),
                letter.reason(), letter.attempts(), letter.deadAt(), letter.replayedAt(), letter.replayedBy());
    }
}
