package com.garage.mobile.domain.clock;

/** What a time entry counts: work on the job, or a pause in it. */
public enum EntryKind {
    WORK,
    PAUSE
}
