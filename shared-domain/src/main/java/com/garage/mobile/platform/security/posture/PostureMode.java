package com.garage.mobile.platform.security.posture;

/** How a BFF treats a device that fails its posture check. */
public enum PostureMode {
    /** No check at all. */
    OFF,
    /** Check, log and audit a failure as flagged, but let the request through: for rollout. */
    AUDIT_ONLY,
    /** Refuse a failing device with the reason. */
    ENFORCE
}
