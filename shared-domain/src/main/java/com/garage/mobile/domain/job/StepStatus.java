package com.garage.mobile.domain.job;

import java.util.EnumSet;
import java.util.Set;

/** Where one step of a job stands. */
public enum StepStatus {
    PENDING,
    IN_PROGRESS,
    DONE,
    SKIPPED;

    /** The statuses this one may move to; a done step reopens as in progress, a skipped one as pending. */
    public Set<StepStatus> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(IN_PROGRESS, DONE, SKIPPED);
            case IN_PROGRESS -> EnumSet.of(PENDING, DONE, SKIPPED);
            case DONE -> EnumSet.of(IN_PROGRESS);
            case SKIPPED -> EnumSet.of(PENDING);
        };
    }
}
