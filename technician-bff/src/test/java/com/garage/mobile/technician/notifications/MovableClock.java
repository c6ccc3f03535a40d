package com.garage.mobile.technician.notifications;

import com.garage.mobile.domain.time.GarageClock;
import java.time.Duration;
import java.time.Instant;

/** The pipeline's clock, moved by a test to an evening, then to the next morning; it keeps ticking. */
public class MovableClock extends GarageClock {

    private volatile Duration offset = Duration.ZERO;

    /** From now on the pipeline believes it is {@code moment}, and time goes on from there. */
    public void moveTo(Instant moment) {
        offset = Duration.between(super.now(), moment);
    }

    @Override
    public Instant now() {
        return super.now().plus(offset);
    }
}
