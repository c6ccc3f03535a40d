package com.garage.mobile.domain.audit;

/** How a mobile action ended. */
public enum AuditOutcome {
    SUCCESS,
    REFUSED,
    CONFLICT,
    FAILED,
    /** Let through, but it would have been refused: a device failing posture in audit-only mode. */
    FLAGGED
}
