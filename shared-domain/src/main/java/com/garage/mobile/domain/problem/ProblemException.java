package com.garage.mobile.domain.problem;

import java.util.List;
import java.util.Map;

/** A domain refusal that becomes a problem response: not found, stale version, bad transition... */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final transient Map<String, String> headers;

    public ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    /** A problem answered with extra response headers, such as a challenge or {@code Retry-After}. */
    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    public ProblemException(ProblemType type, String detail) {
        this(Problem.of(type, detail));
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " not found.");
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(Problem.of(ProblemType.VALIDATION, "The request has an invalid field.")
                .withErrors(List.of(new Problem.FieldError(field, message))));
    }
}
