package com.garage.mobile.technician.clock;

import com.garage.mobile.domain.clock.ClockChange;

/**
 * What a clock action did: the entry now running (or just ended), and the running entry it stopped
 * on the way, if any (clocking on elsewhere stops the one running).
 */
public record ClockAnswer(TimeEntryView entry, TimeEntryView stopped) {

    static ClockAnswer of(ClockChange change) {
        return new ClockAnswer(TimeEntryView.of(change.entry()), TimeEntryView.of(change.stopped()));
    }
}
