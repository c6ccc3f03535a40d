package com.garage.mobile.technician.clock;

import com.garage.mobile.domain.clock.JobTime;
import java.util.List;

/** A job's time beside its labour estimate, and every entry of it, oldest first. */
public record JobTimeView(JobTime totals, List<TimeEntryView> entries) {
}
