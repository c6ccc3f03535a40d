package com.garage.mobile.domain.telemetry;

import java.time.Instant;

/** What an odometer showed at a moment. */
public record OdometerReading(int km, Instant at) {
}
