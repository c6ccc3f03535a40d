package com.garage.mobile.domain.job;

/** What happened to a job; the wire name is what apps and the change log see. */
public enum JobEventType {
    STATUS_CHANGED("job.status-changed", true),
    TECHNICIAN_ASSIGNED("job.technician-assigned", false),
    TECHNICIAN_UNASSIGNED("job.technician-unassigned", false),
    ESTIMATE_LINE_DECIDED("job.estimate-line-decided", true),
    STEP_STATUS_CHANGED("job.step-status-changed", true),
    /** A note shared with the customer; an internal note's event stays with staff. */
    CUSTOMER_NOTE_ADDED("job.customer-note-added", true),
    INTERNAL_NOTE_ADDED("job.internal-note-added", false),
    INSPECTION_STARTED("job.inspection-started", false),
    /** An item's condition, note or measurements changed; staff boards show the red count. */
    INSPECTION_ITEM_UPDATED("job.inspection-item-updated", false),
    INSPECTION_COMPLETED("job.inspection-completed", false),
    /** The advisor showed the inspection to the customer. */
    INSPECTION_PUBLISHED("job.inspection-published", true),
    /** The advisor priced a line, which the customer may now decide. */
    ESTIMATE_LINE_PRICED("job.estimate-line-priced", true);

    private final String wireName;
    private final boolean customerVisible;

    JobEventType(String wireName, boolean customerVisible) {
        this.wireName = wireName;
        this.customerVisible = customerVisible;
    }

    public String wireName() {
        return wireName;
    }

    public boolean customerVisible() {
        return customerVisible;
    }
}
