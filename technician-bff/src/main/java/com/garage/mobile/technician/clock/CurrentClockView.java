package com.garage.mobile.technician.clock;

/** The caller's running clock, or null in {@code running} when none runs. */
public record CurrentClockView(TimeEntryView running) {
}
