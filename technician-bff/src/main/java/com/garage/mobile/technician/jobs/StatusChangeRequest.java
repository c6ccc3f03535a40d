package com.garage.mobile.technician.jobs;

import com.garage.mobile.domain.job.JobStatus;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Move a job to another status.
 *
 * @param baseVersion the job version the change is based on, unless sent as {@code If-Match}
 */
public record StatusChangeRequest(@NotNull JobStatus status, @PositiveOrZero Long baseVersion) {
}
