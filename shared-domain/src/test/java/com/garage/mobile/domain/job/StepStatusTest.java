package com.garage.mobile.domain.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class StepStatusTest {

    @Test
    void aPendingStepCanBeStartedFinishedOrSkipped() {
        assertEquals(EnumSet.of(StepStatus.IN_PROGRESS, StepStatus.DONE, StepStatus.SKIPPED),
                StepStatus.PENDING.next());
    }

    @Test
    void aStepInProgressCanBePutBackFinishedOrSkipped() {
        assertEquals(EnumSet.of(StepStatus.PENDING, StepStatus.DONE, StepStatus.SKIPPED),
                StepStatus.IN_PROGRESS.next());
    }

    @Test
    void aDoneStepReopensOnlyAsInProgress() {
        assertEquals(EnumSet.of(StepStatus.IN_PROGRESS), StepStatus.DONE.next());
    }

    @Test
    void aSkippedStepReopensOnlyAsPending() {
        assertEquals(EnumSet.of(StepStatus.PENDING), StepStatus.SKIPPED.next());
    }

    @Test
    void noStepMovesToItselfAndEveryStepCanBeDoneAgain() {
        for (StepStatus status : StepStatus.values()) {
            assertFalse(status.next().contains(status), status.name());
            assertTrue(reachesDone(status, EnumSet.noneOf(StepStatus.class)), status.name());
        }
    }

    private static boolean reachesDone(StepStatus from, EnumSet<StepStatus> seen) {
        if (from.next().contains(StepStatus.DONE)) {
            return true;
        }
        seen.add(from);
        return from.next().stream().filter(s -> !seen.contains(s)).anyMatch(s -> reachesDone(s, seen));
    }
}
