package com.garage.mobile.domain.time;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Instants at the precision PostgreSQL keeps, so what we hold equals what we read back. */
public final class Timestamps {

    private Timestamps() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
