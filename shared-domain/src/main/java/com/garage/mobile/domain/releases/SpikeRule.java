package com.garage.mobile.domain.releases;

/**
 * When a crash issue spikes: its events in the last hour reach {@code minEvents} and are at least
 * {@code factor} times its hourly average over the day before.
 */
public record SpikeRule(int minEvents, int factor) {

    public boolean isSpike(long lastHour, long dayBefore) {
        if (lastHour < minEvents) {
            return false;
        }
        // lastHour >= factor * dayBefore / 24, in whole numbers
        return lastHour * 24 >= (long) factor * dayBefore;
    }
}
