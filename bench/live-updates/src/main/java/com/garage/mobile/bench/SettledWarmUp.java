package com.garage.mobile.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Drives a bench's load for {@code bench.warm-up} seconds, then on in rounds of ten until no pod's JIT compilers took
 * more than 5 % of a core in a round, or {@code bench.warm-up-most} seconds have gone. A deployment's pods serve for
 * hours: a p99 measured while they still compile the measured path is their start's.
 */
final class SettledWarmUp {

    /** Drives the bench's load for so many seconds. */
    interface Load {
        void drive(int seconds) throws Exception;
    }

    private static final int LEAST_SECONDS = Integer.getInteger("bench.warm-up", 30);
    private static final int MOST_SECONDS = Integer.getInteger("bench.warm-up-most", 180);
    private static final int ROUND_SECONDS = 10;
    private static final double SETTLED_PERCENT = 5;

    private SettledWarmUp() {
    }

    static void drive(Load load, BenchPod... pods) {
        try {
            settle(load, pods);
        } catch (Exception e) {
            throw new IllegalStateException("warming up failed", e);
        }
    }

    private static void settle(Load load, BenchPod... pods) throws Exception {
        load.drive(LEAST_SECONDS);
        int seconds = LEAST_SECONDS;
        Map<String, Double> compiling;
        do {
            CpuShares round = CpuShares.start(pids(pods));
            load.drive(ROUND_SECONDS);
            seconds += ROUND_SECONDS;
            compiling = Arrays.stream(pods).collect(Collectors.toMap(pod -> pod.name,
                    pod -> round.percentOf(pod.name + "/compiling"), (a, b) -> a, LinkedHashMap::new));
        } while (compiling.values().stream().anyMatch(percent -> percent > SETTLED_PERCENT) && seconds < MOST_SECONDS);
        System.out.printf("warm-up: %d s; in its last %d s the JIT compilers took %s of a core%n", seconds,
                ROUND_SECONDS, compiling.entrySet().stream()
                        .map(pod -> String.format("%.0f %% (%s)", pod.getValue(), pod.getKey()))
                        .collect(Collectors.joining(" and ")));
    }

    /** The pods by name and process id, in the order given, as {@link CpuShares} counts them. */
    static Map<String, Long> pids(BenchPod... pods) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (BenchPod pod : pods) {
            pids.put(pod.name, pod.pid());
        }
        return pids;
    }
}
