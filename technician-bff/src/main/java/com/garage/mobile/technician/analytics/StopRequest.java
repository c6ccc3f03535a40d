package com.garage.mobile.technician.analytics;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Stops an experiment, shipping one of its variants to everyone, based on the version read. */
public record StopRequest(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{0,31}", message = "must be one of the experiment's variants") String variant,
        Long baseVersion) {
}
