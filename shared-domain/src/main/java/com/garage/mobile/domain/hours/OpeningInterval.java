package com.garage.mobile.domain.hours;

import java.time.LocalTime;

/** The garage is open from {@code opens} until {@code closes}, wall-clock time of its zone, within one day. */
public record OpeningInterval(LocalTime opens, LocalTime closes) {

    public OpeningInterval {
        if (opens == null || closes == null || !opens.isBefore(closes)) {
            throw new IllegalArgumentException("An opening interval opens before it closes, within one day.");
        }
    }

    public static OpeningInterval of(String opens, String closes) {
        return new OpeningInterval(LocalTime.parse(opens), LocalTime.parse(closes));
    }
}
