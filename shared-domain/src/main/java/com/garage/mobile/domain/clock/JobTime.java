package com.garage.mobile.domain.clock;

import java.util.List;
import java.util.UUID;

/**
 * A job's time beside its labour estimate, in whole minutes.
 *
 * @param estimateMinutes the LABOUR lines not declined, 0 when there are none
 * @param overrun         worked longer than a non-zero estimate
 */
public record JobTime(long workedMinutes, long pausedMinutes, int estimateMinutes, boolean overrun,
        List<StepTime> steps) {

    public static final JobTime NONE = new JobTime(0, 0, 0, false, List.of());

    public record StepTime(UUID stepId, long workedMinutes, long pausedMinutes) {
    }
}
