package com.garage.mobile.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration FIRST = Duration.ofSeconds(15);
    private static final Duration LONGEST = Duration.ofMinutes(30);

    @Test
    void theWaitDoublesAfterEachFailure() {
        Backoff backoff = new Backoff(FIRST, LONGEST, () -> 0.0);

        assertEquals(Duration.ofSeconds(15), backoff.after(1));
        assertEquals(Duration.ofSeconds(30), backoff.after(2));
        assertEquals(Duration.ofSeconds(60), backoff.after(3));
        assertEquals(Duration.ofSeconds(120), backoff.after(4));
    }

    @Test
    void theWaitStopsGrowingAtTheLongestWait() {
        Backoff backoff = new Backoff(FIRST, LONGEST, () -> 0.0);

        assertEquals(LONGEST, backoff.after(8));
        assertEquals(LONGEST, backoff.after(60));
    }

    @Test
    void jitterAddsAtMostATenthSoPodsDoNotRetryInTheSameSecond() {
        assertEquals(Duration.ofMillis(16_500), new Backoff(FIRST, LONGEST, () -> 1.0).after(1));
        assertEquals(Duration.ofMillis(15_750), new Backoff(FIRST, LONGEST, () -> 0.5).after(1));
        assertEquals(Duration.ofMinutes(33), new Backoff(FIRST, LONGEST, () -> 1.0).after(20));
    }
}
