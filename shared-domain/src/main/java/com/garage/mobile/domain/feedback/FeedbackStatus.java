package com.garage.mobile.domain.feedback;

/**
 * Where feedback stands in the garage's inbox. It only moves forward, and may skip a step (praise
 * needs no plan): new → triaged → planned → done.
 */
public enum FeedbackStatus {
    NEW,
    TRIAGED,
    PLANNED,
    DONE;

    public boolean canMoveTo(FeedbackStatus next) {
        return next.ordinal() > ordinal();
    }
}
