package com.garage.mobile.domain.notification;

/**
 * What a notification is about. Each is consented to on its own; the operational ones concern a
 * repair or visit the person already has with the garage, marketing never does.
 */
public enum NotificationCategory {
    JOB_STATUS(true),
    APPROVALS(true),
    CHAT(true),
    PAYMENTS(true),
    APPOINTMENT_REMINDERS(true),
    /** Safety recalls on one's vehicle (docs/partners.md). */
    SAFETY(true),
    /** One's roadside request moving on (docs/partners.md). */
    ROADSIDE(true),
    MARKETING(false);

    private final boolean operational;

    NotificationCategory(boolean operational) {
        this.operational = operational;
    }

    public boolean operational() {
        return operational;
    }
}
