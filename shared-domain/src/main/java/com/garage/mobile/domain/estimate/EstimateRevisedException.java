package com.garage.mobile.domain.estimate;

import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;

/** A decision on a revision (or content) that is no longer the estimate: the app shows the current one. */
public class EstimateRevisedException extends ProblemException {

    public EstimateRevisedException(int seen, int current) {
        super(ProblemType.ESTIMATE_REVISED, seen == current
                ? "The estimate you saw is not the one at revision %d; look at it again before deciding.".formatted(current)
                : "You saw revision %d of the estimate; it is now at revision %d. Look at it again before deciding."
                        .formatted(seen, current));
    }
}
