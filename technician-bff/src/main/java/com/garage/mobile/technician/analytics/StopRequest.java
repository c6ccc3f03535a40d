package com.garage.mobile.technician.analytics;

import jakarta.validation.constraints.NotBlank;

/** Stops an experiment, shipping one of its variants to everyone, based on the version read. */
public record StopRequest(@NotBlank String variant, Long baseVersion) {
}
