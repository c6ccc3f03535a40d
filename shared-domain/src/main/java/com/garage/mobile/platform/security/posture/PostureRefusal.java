package com.garage.mobile.platform.security.posture;

import com.garage.mobile.domain.problem.Problem;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import java.util.List;

/** A device that failed its posture check, with the reason the app is told. */
public class PostureRefusal extends ProblemException {

    public PostureRefusal(ProblemType type, String detail) {
        super(Problem.of(type, detail));
    }

    public PostureRefusal(ProblemType type, String detail, String field, String message) {
        super(Problem.of(type, detail).withErrors(List.of(new Problem.FieldError(field, message))));
    }
}
