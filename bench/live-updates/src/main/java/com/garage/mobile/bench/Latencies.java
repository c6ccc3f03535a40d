package com.garage.mobile.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds, summarised in milliseconds. */
final class Latencies {

    private long[] samples = new long[1024];
    private int count;

    synchronized void add(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
    }

    synchronized int count() {
        return count;
    }

    synchronized double percentileMillis(double percentile) {
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, index))] / 1_000_000.0;
    }

    String summary() {
        return "n=%d p50=%.2f ms p90=%.2f ms p99=%.2f ms max=%.2f ms".formatted(count(), percentileMillis(50),
                percentileMillis(90), percentileMillis(99), percentileMillis(100));
    }
}
