package com.garage.mobile.testing;

import com.garage.mobile.domain.time.GarageClock;
import java.time.Duration;
import java.time.Instant;

/** The garage's clock, moved by a test (install it with {@code QuarkusMock.installMockForType}); it keeps ticking. */
public class MovableClock extends GarageClock {

    private volatile Duration offset = Duration.ZERO;

    /** From now on the system believes it is {@code moment}, and time goes on from there. */
    public void moveTo(Instant moment) {
        offset = Duration.between(super.now(), moment);
    }

    @Override
    public Instant now() {
        return super.now().plus(offset);
    }
}
