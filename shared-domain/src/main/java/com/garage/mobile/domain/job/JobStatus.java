package com.garage.mobile.domain.job;

import java.util.EnumSet;
import java.util.Set;

/** A job card's lifecycle, from the car's arrival to its pickup. */
public enum JobStatus {
    OPEN,
    IN_PROGRESS,
    AWAITING_APPROVAL,
    AWAITING_PARTS,
    QUALITY_CHECK,
    READY_FOR_PICKUP,
    CLOSED,
    CANCELLED;

    /** The statuses this one may move to, whoever asks. */
    public Set<JobStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(IN_PROGRESS, AWAITING_APPROVAL, CANCELLED);
            case IN_PROGRESS -> EnumSet.of(AWAITING_APPROVAL, AWAITING_PARTS, QUALITY_CHECK, CANCELLED);
            case AWAITING_APPROVAL -> EnumSet.of(IN_PROGRESS, AWAITING_PARTS, CANCELLED);
            case AWAITING_PARTS -> EnumSet.of(IN_PROGRESS, CANCELLED);
            case QUALITY_CHECK -> EnumSet.of(IN_PROGRESS, READY_FOR_PICKUP);
            case READY_FOR_PICKUP -> EnumSet.of(CLOSED);
            case CLOSED, CANCELLED -> EnumSet.noneOf(JobStatus.class);
        };
    }

    /**
     * The statuses a technician may move the job to: the work in the bay. Cancelling, releasing
     * to the customer and closing stay with the service advisor.
     */
    public Set<JobStatus> nextForTechnician() {
        Set<JobStatus> allowed = EnumSet.noneOf(JobStatus.class);
        allowed.addAll(next());
        allowed.removeAll(EnumSet.of(CANCELLED, READY_FOR_PICKUP, CLOSED));
        return allowed;
    }

    public boolean isFinished() {
        return this == CLOSED || this == CANCELLED;
    }
}
