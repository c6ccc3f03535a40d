package com.garage.mobile.domain.time;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The one clock of the system: every instant it records or decides by comes from here, at the
 * precision PostgreSQL keeps, so what we hold equals what we read back. Tests replace the bean to
 * set the time.
 */
@ApplicationScoped
public class GarageClock {

    public Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
