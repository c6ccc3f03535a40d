package com.garage.mobile.technician.clock;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Clock on a job: the new entry's id (chosen by the app, so a retry finds it) and optionally the step. */
public record ClockOnRequest(@NotNull UUID entryId, @NotNull UUID jobId, UUID stepId) {
}
