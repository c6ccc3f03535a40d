package com.garage.mobile.domain.notification;

import com.garage.mobile.domain.problem.Problem;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Collects every bad field of a request, so that one answer names them all. */
public final class FieldErrors {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    public FieldErrors add(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
        return this;
    }

    public FieldErrors timeZone(String field, String zone) {
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            add(field, "must be an IANA time zone such as Europe/London");
        }
        return this;
    }

    public int count() {
        return errors.size();
    }

    /** Throws a 400 naming each bad field, if there is any. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(ProblemType.VALIDATION,
                    "%d field(s) are invalid.".formatted(errors.size())).withErrors(List.copyOf(errors)));
        }
    }
}
