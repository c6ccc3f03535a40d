package com.garage.mobile.domain.telemetry;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of vehicle telemetry: odometer readings and trouble codes. */
@ConfigMapping(prefix = "garage.telemetry")
public interface TelemetryConfig {

    /** How far below the previous reading a new one may be (dongle against dashboard) before it is refused. */
    @WithDefault("20")
    int odometerToleranceKm();

    /** The most trouble codes one report may carry. */
    @WithDefault("20")
    int maxCodesPerReport();

    /** How far back a reading's moment may lie, in days; older ones are refused. */
    @WithDefault("400")
    int maxReadingAgeDays();

    /** The readings of the last this-many days estimate the daily mileage. */
    @WithDefault("365")
    int mileageWindowDays();

    /** Readings spanning fewer days than this fall back to the vehicle's age or the default. */
    @WithDefault("14")
    int minSpanDays();

    /** Daily kilometres assumed for a vehicle with nothing better to go on (about 14,600 km a year). */
    @WithDefault("40")
    double defaultKmPerDay();
}
