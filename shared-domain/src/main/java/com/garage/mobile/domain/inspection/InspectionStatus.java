package com.garage.mobile.domain.inspection;

/** Where an inspection stands: being done in the bay, done, or shown to the customer. */
public enum InspectionStatus {
    IN_PROGRESS,
    COMPLETED,
    PUBLISHED
}
