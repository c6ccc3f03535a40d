package com.garage.mobile.domain.clock;

/** Whether an entry was clocked with a signal (server time) or queued offline (the device's time). */
public enum EntrySource {
    ONLINE,
    OFFLINE
}
