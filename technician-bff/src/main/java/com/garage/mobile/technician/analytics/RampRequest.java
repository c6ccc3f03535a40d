package com.garage.mobile.technician.analytics;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A new exposure for a running experiment, based on the version read (or {@code If-Match}). */
public record RampRequest(@NotNull @Min(0) @Max(100) Integer exposurePercent, Long baseVersion) {
}
