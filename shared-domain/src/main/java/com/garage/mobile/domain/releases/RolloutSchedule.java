package com.garage.mobile.domain.releases;

import com.garage.mobile.domain.targeting.BucketHash;
import java.time.Duration;
import java.util.List;

/**
 * A phased release's steps: the App Store's 1, 2, 5, 10, 20, 50 and 100 % over seven days by
 * default, each step held for one step length of running time (time halted does not count).
 *
 * @param stepsBp    the percentage of each step in basis points, rising, the last 10,000
 * @param stepLength how long each step runs before the next
 */
public record RolloutSchedule(List<Integer> stepsBp, Duration stepLength) {

    public static final List<Integer> APP_STORE_STEPS = List.of(100, 200, 500, 1000, 2000, 5000, 10_000);

    public RolloutSchedule {
        if (stepsBp.isEmpty() || stepsBp.getLast() != BucketHash.BUCKETS || stepLength.isNegative()
                || stepLength.isZero()) {
            throw new IllegalArgumentException("a schedule ends at 100 % and its steps last a while: " + stepsBp);
        }
        stepsBp = List.copyOf(stepsBp);
    }

    public static RolloutSchedule appStore() {
        return new RolloutSchedule(APP_STORE_STEPS, Duration.ofDays(1));
    }

    /** The step (0-based) a rollout is at after running this long. */
    public int stepAt(Duration running) {
        long step = running.isNegative() ? 0 : running.toMillis() / stepLength.toMillis();
        return (int) Math.min(step, stepsBp.size() - 1);
    }

    public int percentBpAt(Duration running) {
        return stepsBp.get(stepAt(running));
    }
}
