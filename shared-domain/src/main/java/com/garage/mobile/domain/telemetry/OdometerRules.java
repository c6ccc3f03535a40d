package com.garage.mobile.domain.telemetry;

import com.garage.mobile.domain.problem.ProblemException;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Whether a new odometer reading fits the vehicle's readings around it. Odometers only go up, but a
 * dongle and a dashboard may differ by a few kilometres: a reading below the one before it by no more
 * than the tolerance (or equal to it) adds nothing and is a duplicate; further below, or above the
 * next later reading by more than the tolerance, it is refused.
 */
public final class OdometerRules {

    /** What becomes of a reading that fits. */
    public enum Verdict {
        STORE, DUPLICATE
    }

    private OdometerRules() {
    }

    /**
     * @param before the latest reading at or before the new one's moment
     * @param after  the earliest reading after it
     * @throws ProblemException (validation, field {@code odometerKm}) if the reading goes backwards
     */
    public static Verdict judge(Optional<OdometerReading> before, Optional<OdometerReading> after, int km,
            int toleranceKm) {
        if (before.isPresent() && km < before.get().km() - toleranceKm) {
            throw ProblemException.invalidField("odometerKm", "is %,d km, below the reading of %,d km on %s by more"
                    .formatted(km, before.get().km(), day(before.get())) + " than the tolerance of %,d km: an odometer"
                    .formatted(toleranceKm) + " does not go backwards");
        }
        if (after.isPresent() && km > after.get().km() + toleranceKm) {
            throw ProblemException.invalidField("odometerKm", "is %,d km, above the later reading of %,d km on %s by"
                    .formatted(km, after.get().km(), day(after.get())) + " more than the tolerance of %,d km"
                    .formatted(toleranceKm));
        }
        return before.isPresent() && km <= before.get().km() ? Verdict.DUPLICATE : Verdict.STORE;
    }

    private static String day(OdometerReading reading) {
        return reading.at().atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
}
