package com.garage.mobile.technician.clock;

import com.garage.mobile.domain.clock.JobTime;

/** A clock running now, for the advisors' board: who is on which job, and that job's time so far. */
public record RunningClockView(TimeEntryView entry, String technicianName, int jobNumber, JobTime jobTime) {
}
