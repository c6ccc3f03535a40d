package com.garage.mobile.technician.sync.mutations;

import com.garage.mobile.domain.job.StepStatus;
import jakarta.validation.constraints.NotNull;

/** {@code job-step set-status}: the step's new status. */
public record StepStatusPayload(@NotNull StepStatus status) {
}
