package com.garage.mobile.domain.clock;

import com.garage.mobile.domain.problem.Problem;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import java.util.function.Function;

/** A time entry would share time with another of the same technician: never merged, always refused. */
public class TimeOverlapException extends ProblemException {

    private final transient TimeEntry clash;

    public TimeOverlapException(TimeEntry clash) {
        super(ProblemType.TIME_OVERLAP, "It overlaps entry " + clash.id + " (" + clash.startedAt + " to "
                + (clash.endedAt != null ? clash.endedAt : "now, still running") + ").");
        this.clash = clash;
    }

    /** The same refusal, carrying the clashing entry as the caller's app shows it. */
    public ProblemException showing(Function<TimeEntry, Object> view) {
        Problem problem = problem();
        return new ProblemException(problem.withCurrent(view.apply(clash)));
    }
}
