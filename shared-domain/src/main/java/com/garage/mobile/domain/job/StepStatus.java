package com.garage.mobile.domain.job;

/** Where one step of a job stands. */
public enum StepStatus {
    PENDING,
    IN_PROGRESS,
    DONE,
    SKIPPED
}
