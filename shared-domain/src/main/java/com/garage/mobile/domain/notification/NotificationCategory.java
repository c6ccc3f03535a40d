package com.garage.mobile.domain.notification;

import java.util.Arrays;
import java.util.List;

/**
 * What a notification is about. Each is consented to on its own; the operational ones concern a
 * repair or visit the person already has with the garage (or, for staff, the garage's own work),
 * marketing never does. Some are offered to staff only and never appear in a customer's preferences.
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
    ROADSIDE(true),
    /** Staff only: alarms for the garage's admins, such as an experiment's sample ratio mismatch (docs/experiments.md). */
    OPERATIONS(true, false);

    private final boolean operational;
    private final boolean forCustomers;

    NotificationCategory(boolean operational) {
        this(operational, true);
    }

    NotificationCategory(boolean operational, boolean forCustomers) {
        this.operational = operational;
        this.forCustomers = forCustomers;
    }

    public boolean operational() {
        return operational;
    }

    /** Whether a customer ({@code true}) or a member of staff ({@code false}) may be notified of it and consent to it. */
    public boolean offeredTo(boolean customer) {
        return forCustomers || !customer;
    }

    /** The categories offered to a customer ({@code customer} true) or a member of staff, in their order. */
    public static List<NotificationCategory> listedFor(boolean customer) {
        return Arrays.stream(values()).filter(category -> category.offeredTo(customer)).toList();
    }
}
