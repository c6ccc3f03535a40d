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
    MARKETING(false),
    /**
     * A service coming due on the customer's vehicle (recommendations). It asks for a visit the
     * person does not have yet, so it is not operational: it needs its own opt-in.
     */
    SERVICE_REMINDERS(false),
    /** Safety recalls and safety-critical items on one's vehicle (docs/partners.md, docs/recommendations.md). */
    SAFETY(true),
    /** One's roadside request moving on (docs/partners.md). */
    ROADSIDE(true);

    private final boolean operational;

    NotificationCategory(boolean operational) {
        this.operational = operational;
    }

    public boolean operational() {
        return operational;
    }
}
