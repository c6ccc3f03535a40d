package com.garage.mobile.technician.clock;

import com.garage.mobile.domain.clock.PauseReason;
import java.util.List;

/**
 * The caller's running clock, or null in {@code running} when none runs.
 *
 * @param pauseReasons the reasons a pause may give, so that an app offers exactly what the API takes
 */
public record CurrentClockView(TimeEntryView running, List<PauseReason> pauseReasons) {

    static CurrentClockView of(TimeEntryView running) {
        return new CurrentClockView(running, List.of(PauseReason.values()));
    }
}
