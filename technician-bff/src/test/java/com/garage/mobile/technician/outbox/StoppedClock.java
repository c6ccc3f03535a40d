package com.garage.mobile.technician.outbox;

import com.garage.mobile.domain.time.GarageClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A clock that stands still until the test moves it, so that nothing comes due by itself. */
public class StoppedClock extends GarageClock {

    private volatile Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Override
    public Instant now() {
        return now;
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }
}
