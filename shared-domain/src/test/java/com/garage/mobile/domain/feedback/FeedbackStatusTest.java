package com.garage.mobile.domain.feedback;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FeedbackStatusTest {

    @Test
    void feedbackMovesForwardAndMaySkipSteps() {
        assertTrue(FeedbackStatus.NEW.canMoveTo(FeedbackStatus.TRIAGED));
        assertTrue(FeedbackStatus.NEW.canMoveTo(FeedbackStatus.DONE));
        assertTrue(FeedbackStatus.TRIAGED.canMoveTo(FeedbackStatus.PLANNED));
        assertTrue(FeedbackStatus.PLANNED.canMoveTo(FeedbackStatus.DONE));
    }

    @Test
    void itNeverMovesBackOrStaysWhereItIs() {
        assertFalse(FeedbackStatus.TRIAGED.canMoveTo(FeedbackStatus.NEW));
        assertFalse(FeedbackStatus.DONE.canMoveTo(FeedbackStatus.PLANNED));
        assertFalse(FeedbackStatus.PLANNED.canMoveTo(FeedbackStatus.PLANNED));
        for (FeedbackStatus status : FeedbackStatus.values()) {
            assertFalse(FeedbackStatus.DONE.canMoveTo(status));
        }
    }
}
