package com.garage.mobile.domain.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.telemetry.OdometerRules.Verdict;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OdometerRulesTest {

    static final Optional<OdometerReading> BEFORE = Optional.of(new OdometerReading(45_000,
            Instant.parse("2026-11-01T08:00:00Z")));
    static final Optional<OdometerReading> AFTER = Optional.of(new OdometerReading(46_000,
            Instant.parse("2026-11-20T08:00:00Z")));

    @Test
    void aHigherReadingIsStored() {
        assertEquals(Verdict.STORE, OdometerRules.judge(BEFORE, Optional.empty(), 45_400, 20));
        assertEquals(Verdict.STORE, OdometerRules.judge(Optional.empty(), Optional.empty(), 0, 20));
        assertEquals(Verdict.STORE, OdometerRules.judge(BEFORE, AFTER, 45_500, 20));
    }

    @Test
    void theSameReadingOrOneJustBelowWithinTheToleranceIsADuplicate() {
        assertEquals(Verdict.DUPLICATE, OdometerRules.judge(BEFORE, Optional.empty(), 45_000, 20));
        assertEquals(Verdict.DUPLICATE, OdometerRules.judge(BEFORE, Optional.empty(), 44_980, 20));
    }

    @Test
    void goingBackwardsBeyondTheToleranceIsRefusedNamingTheEarlierReading() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> OdometerRules.judge(BEFORE, Optional.empty(), 44_979, 20));
        assertEquals("urn:garage:problem:validation", refused.problem().type());
        assertEquals("odometerKm", refused.problem().errors().getFirst().field());
        assertEquals("is 44,979 km, below the reading of 45,000 km on 2026-11-01 by more than the tolerance of 20 km:"
                + " an odometer does not go backwards", refused.problem().errors().getFirst().message());
    }

    @Test
    void aLateReadingAboveALaterOneBeyondTheToleranceIsRefused() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> OdometerRules.judge(BEFORE, AFTER, 46_021, 20));
        assertEquals("is 46,021 km, above the later reading of 46,000 km on 2026-11-20 by more than the tolerance"
                + " of 20 km", refused.problem().errors().getFirst().message());
        assertEquals(Verdict.STORE, OdometerRules.judge(BEFORE, AFTER, 46_020, 20));
    }
}
