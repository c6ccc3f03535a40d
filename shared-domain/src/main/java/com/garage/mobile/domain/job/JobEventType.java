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
    /** A technician's clock started on the job (work or a pause): the advisors' board shows who is on what. */
    CLOCK_STARTED("job.clock-started", false),
    CLOCK_STOPPED("job.clock-stopped", false),
    /** Worked time passed the labour estimate: once per job and estimate, for the advisor. */
    TIME_OVERRUN("job.time-overrun", false),
    /** The estimate changed (a PART line added, reduced or removed): the customer's app reloads the job. */
    PART_USED("job.part-used", true),
    PART_RETURNED("job.part-returned", true),
    /** A part the shelf lacks was asked for, or the advisor moved the request on. */
    PART_REQUESTED("job.part-requested", false),
    PART_REQUEST_CHANGED("job.part-request-changed", false),
    INSPECTION_STARTED("job.inspection-started", false),
    /** An item's condition, note or measurements changed; staff boards show the red count. */
    INSPECTION_ITEM_UPDATED("job.inspection-item-updated", false),
    INSPECTION_COMPLETED("job.inspection-completed", false),
    /** The advisor showed the inspection to the customer. */
    INSPECTION_PUBLISHED("job.inspection-published", true),
    /** The advisor priced a line, which the customer may now decide. */
    ESTIMATE_LINE_PRICED("job.estimate-line-priced", true),
    /** A photo, video or audio note is stored and checked; staff only, as its target keeps it from the customer. */
    MEDIA_ADDED("job.media-added", false),
    /** A photo, video or audio note the customer may see (its target says so) is stored and checked. */
    CUSTOMER_MEDIA_ADDED("job.customer-media-added", true),
    /** The customer signed decisions on lines of an estimate revision: one approval record. */
    ESTIMATE_DECIDED("job.estimate-decided", true),
    /** An estimate has waited for the customer's answer past a reminder delay. */
    ESTIMATE_UNANSWERED("job.estimate-unanswered", false),
    /** A payment towards the job's invoice changed status (opened, needs action, held, paid, declined, captured). */
    PAYMENT_CHANGED("job.payment-changed", true),
    /** A held deposit nears or passed its capture deadline: the advisor starts the work or asks again. */
    PAYMENT_HOLD_EXPIRING("job.payment-hold-expiring", false);

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
