package com.garage.mobile.technician.recommendations;

import jakarta.validation.constraints.Pattern;
import java.util.List;

/** A service interval as the advisor edits it, named by its {@code code} (e.g. {@code oil}). */
public record IntervalRequest(
        @Pattern(regexp = "^[a-z][a-z0-9-]{1,39}$", message = "2 to 40 lower-case letters, digits and hyphens,"
                + " starting with a letter") String code,
        String name, Integer distanceKm, Integer months, List<String> matchTerms) {
}
