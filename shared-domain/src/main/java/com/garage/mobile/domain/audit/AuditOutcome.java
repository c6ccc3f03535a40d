package com.garage.mobile.domain.audit;

/** How a mobile action ended. */
public enum AuditOutcome {
    SUCCESS,
    REFUSED,
    CONFLICT,
    FAILED
}
