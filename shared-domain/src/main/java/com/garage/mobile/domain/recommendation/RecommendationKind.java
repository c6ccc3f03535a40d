package com.garage.mobile.domain.recommendation;

import com.garage.mobile.domain.notification.NotificationCategory;

/** What a customer-facing recommendation is about, and the consent its push needs. */
public enum RecommendationKind {
    SERVICE_DUE(NotificationCategory.SERVICE_REMINDERS),
    DECLINED_FOLLOW_UP(NotificationCategory.SERVICE_REMINDERS),
    SAFETY_RECALL(NotificationCategory.SAFETY);

    private final NotificationCategory category;

    RecommendationKind(NotificationCategory category) {
        this.category = category;
    }

    public NotificationCategory category() {
        return category;
    }
}
