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
    /** A photo, video or audio note is stored and checked; staff only, as its target keeps it from the customer. */
    MEDIA_ADDED("job.media-added", false),
    /** A photo, video or audio note the customer may see (its target says so) is stored and checked. */
    CUSTOMER_MEDIA_ADDED("job.customer-media-added", true);

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
