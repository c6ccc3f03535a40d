package com.garage.mobile.platform.notification.dispatch;

import com.garage.mobile.domain.notification.NotificationCategory;
import com.garage.mobile.domain.notification.consent.QuietHours;
import java.util.UUID;

/**
 * A claimed notification with what decides at send time whether it may go: its device, the
 * person's current consent for its category, and their quiet hours.
 *
 * @param id              the outbound work item
 * @param notificationKey the notification (one notification to three phones counts once against the rate limit)
 */
record Delivery(long id, UUID personId, String notificationKey, NotificationCategory category, boolean deviceActive,
        boolean consented, QuietHours quietHours) {
}
