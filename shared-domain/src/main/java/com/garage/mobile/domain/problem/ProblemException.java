package com.garage.mobile.domain.problem;

import java.util.List;

/** A domain refusal that becomes a problem response: not found, stale version, bad transition... */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public ProblemException(ProblemType type, String detail) {
        this(Problem.of(type, detail));
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " not found.");
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(Problem.of(ProblemType.VALIDATION, "The request has an invalid field.")
                .withErrors(List.of(new Problem.FieldError(field, message))));
    }
}
