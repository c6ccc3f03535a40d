package com.garage.mobile.domain.recommendation;

import java.util.List;
import java.util.Locale;

/**
 * A service to repeat every {@code distanceKm} or every {@code months}, whichever comes first (either
 * may be null). {@code matchTerms}: words that mark it as done when a closed job's step or approved
 * line contains one, case-insensitively.
 */
public record ServiceInterval(String code, String name, Integer distanceKm, Integer months, List<String> matchTerms) {

    /** Whether a job's work text (steps and approved lines) says this service was done. */
    public boolean doneBy(String workText) {
        String text = workText.toLowerCase(Locale.ROOT);
        return matchTerms.stream().anyMatch(term -> text.contains(term.toLowerCase(Locale.ROOT)));
    }
}
