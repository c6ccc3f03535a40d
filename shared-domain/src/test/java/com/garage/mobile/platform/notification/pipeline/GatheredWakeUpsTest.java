package com.garage.mobile.platform.notification.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GatheredWakeUpsTest {

    private static final Duration WAIT = Duration.ofMillis(50);

    private final List<Runnable> timers = new ArrayList<>();
    private final List<Duration> waits = new ArrayList<>();
    private final AtomicInteger runs = new AtomicInteger();
    private final GatheredWakeUps wakeUps = new GatheredWakeUps(WAIT, (wait, task) -> {
        waits.add(wait);
        timers.add(task);
    }, runs::incrementAndGet);

    @Test
    void wakeUpsWithinTheWaitStartOneRun() {
        for (int i = 0; i < 100; i++) {
            wakeUps.wake();
        }
        assertEquals(List.of(WAIT), waits);
        assertEquals(0, runs.get(), "nothing runs before the wait is over");

        timers.get(0).run();
        assertEquals(1, runs.get());
    }

    @Test
    void aWakeUpOnceTheRunStartedStartsAnother() {
        wakeUps.wake();
        timers.get(0).run();
        wakeUps.wake();
        wakeUps.wake();

        assertEquals(2, timers.size());
        timers.get(1).run();
        assertEquals(2, runs.get());
    }
}
