package com.garage.mobile.platform.notification.pipeline;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets one pass run at a time, and keeps a start asked while one runs: the pass that was running may already have
 * claimed its events when the one that woke it arrived, so one more pass follows it ({@code followUp}). Several
 * asks meanwhile make one follow-up.
 */
final class OnePassAtATime {

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean askedMeanwhile = new AtomicBoolean();
    private final Runnable followUp;

    OnePassAtATime(Runnable followUp) {
        this.followUp = followUp;
    }

    /** Whether the caller may run a pass now (then it calls {@link #ended()} after); if not, one follows. */
    boolean start() {
        if (running.compareAndSet(false, true)) {
            return true;
        }
        askedMeanwhile.set(true);
        if (!running.get()) {
            // The running pass ended between the two lines above, possibly without seeing this ask.
            followUpIfAsked();
        }
        return false;
    }

    void ended() {
        running.set(false);
        followUpIfAsked();
    }

    private void followUpIfAsked() {
        if (askedMeanwhile.getAndSet(false)) {
            followUp.run();
        }
    }
}
