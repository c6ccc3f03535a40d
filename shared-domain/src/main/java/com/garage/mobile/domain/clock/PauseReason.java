package com.garage.mobile.domain.clock;

/** Why the work on a job stopped for a while. */
public enum PauseReason {
    WAITING_FOR_PARTS,
    WAITING_FOR_APPROVAL,
    BREAK,
    OTHER_JOB,
    OTHER
}
