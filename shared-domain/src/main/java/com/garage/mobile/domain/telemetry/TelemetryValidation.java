package com.garage.mobile.domain.telemetry;

import com.garage.mobile.domain.problem.Problem;
import com.garage.mobile.domain.problem.Problem.FieldError;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checks a report's fields before anything is read or written, naming every bad one. */
final class TelemetryValidation {

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private TelemetryValidation() {
    }

    /** The report's distinct codes in the order sent, once every field is valid. */
    static List<TroubleCode> check(TelemetryReport report, Instant now, TelemetryConfig config) {
        List<FieldError> errors = new ArrayList<>();
        List<String> codes = report.codes() == null ? List.of() : report.codes();
        if (report.odometerKm() == null && codes.isEmpty()) {
            errors.add(new FieldError("odometerKm", "send an odometer reading, trouble codes or both"));
        }
        if (report.odometerKm() != null && (report.odometerKm() < 0 || report.odometerKm() > 3_000_000)) {
            errors.add(new FieldError("odometerKm", "must be between 0 and 3,000,000 km"));
        }
        if (report.readAt() != null && report.readAt().isAfter(now.plus(CLOCK_SKEW))) {
            errors.add(new FieldError("readAt", "lies in the future"));
        }
        if (report.readAt() != null && report.readAt().isBefore(now.minus(Duration.ofDays(config.maxReadingAgeDays())))) {
            errors.add(new FieldError("readAt", "is more than %d days old".formatted(config.maxReadingAgeDays())));
        }
        if (codes.size() > config.maxCodesPerReport()) {
            errors.add(new FieldError("codes", "at most %d codes per report".formatted(config.maxCodesPerReport())));
        }
        Set<TroubleCode> valid = new LinkedHashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            Optional<TroubleCode> code = TroubleCode.parse(codes.get(i));
            if (code.isEmpty()) {
                errors.add(new FieldError("codes[" + i + "]", "is not an SAE trouble code: a letter P, C, B or U,"
                        + " a digit 0-3 and three hexadecimal characters, as in P0301"));
            }
            code.ifPresent(valid::add);
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(ProblemType.VALIDATION, "The report has invalid fields.")
                    .withErrors(errors));
        }
        return List.copyOf(valid);
    }
}
