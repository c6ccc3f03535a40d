package com.garage.mobile.platform.notification.pipeline;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Wake-ups that arrive within a short wait of the first start one run between them. A decider is woken by every
 * live event; a pass each would claim one event at a time, a transaction and a scan of the waiting table per event
 * (docs/performance.md, twenty-first step), where one pass can claim all that came meanwhile.
 */
final class GatheredWakeUps {

    /** Runs a task once the wait is over. */
    interface Timer {
        void after(Duration wait, Runnable task);
    }

    private final Duration wait;
    private final Timer timer;
    private final Runnable run;
    private final AtomicBoolean due = new AtomicBoolean();

    GatheredWakeUps(Duration wait, Timer timer, Runnable run) {
        this.wait = wait;
        this.timer = timer;
        this.run = run;
    }

    /** Starts the run after the wait, unless one is already due: then that one serves this wake-up too. */
    void wake() {
        if (due.compareAndSet(false, true)) {
            timer.after(wait, () -> {
                due.set(false);
                run.run();
            });
        }
    }
}
