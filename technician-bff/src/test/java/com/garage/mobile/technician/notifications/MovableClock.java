package com.garage.mobile.technician.notifications;

import com.garage.mobile.domain.notification.NotificationClock;
import java.time.Instant;

/** The pipeline's clock, set by a test to the evening and then moved to the morning. */
public class MovableClock extends NotificationClock {

    private volatile Instant now;

    public MovableClock(Instant now) {
        this.now = now;
    }

    public void set(Instant value) {
        now = value;
    }

    @Override
    public Instant now() {
        return now;
    }
}
