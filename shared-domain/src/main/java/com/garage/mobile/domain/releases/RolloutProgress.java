package com.garage.mobile.domain.releases;

import java.time.Duration;
import java.time.Instant;

/**
 * Where one rollout of a release to a ring stands: scheduled (the percentage follows its running
 * time) or manual (a person sets it), running or halted. A halt stops the running clock, so the
 * percentage stays where it was and no one new is offered the release until a person resumes it.
 *
 * @param elapsed       running time before the current run (sum of earlier runs)
 * @param runningSince  when the current run began; null while halted
 * @param manualPercentBp the percentage a person set, for a manual rollout
 */
public record RolloutProgress(Ring ring, RolloutMode mode, Integer manualPercentBp, Duration elapsed,
        Instant runningSince) {

    /** How a rollout's percentage moves. */
    public enum RolloutMode {
        SCHEDULED,
        MANUAL
    }

    public boolean halted() {
        return runningSince == null;
    }

    public Duration runningAt(Instant now) {
        return halted() ? elapsed : elapsed.plus(Duration.between(runningSince, now));
    }

    public int percentBpAt(Instant now, RolloutSchedule schedule) {
        return mode == RolloutMode.MANUAL ? manualPercentBp : schedule.percentBpAt(runningAt(now));
    }

    /** The same rollout halted at {@code now}: its running time kept, its clock stopped. */
    public RolloutProgress haltAt(Instant now) {
        return halted() ? this : new RolloutProgress(ring, mode, manualPercentBp, runningAt(now), null);
    }

    /** The same rollout running again from {@code now}, where it stood when halted. */
    public RolloutProgress resumeAt(Instant now) {
        return halted() ? new RolloutProgress(ring, mode, manualPercentBp, elapsed, now) : this;
    }
}
