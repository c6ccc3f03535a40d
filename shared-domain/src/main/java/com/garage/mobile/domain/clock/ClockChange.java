package com.garage.mobile.domain.clock;

import com.garage.mobile.domain.event.JobEventMessage;
import java.util.List;

/**
 * What one clock action left: the entry it wrote or changed, the running entry it stopped on the
 * way (clocking on elsewhere stops the one running), and the job events to publish after commit.
 */
public record ClockChange(TimeEntry entry, TimeEntry stopped, List<JobEventMessage> events) {
}
