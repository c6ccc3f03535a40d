package com.garage.mobile.domain.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.domain.notification.consent.QuietHours;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final QuietHours OVERNIGHT_IN_LONDON =
            new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), ZoneId.of("Europe/London"));

    @Test
    void anEveningMessageWaitsForTheNextMorningInThePersonsTimeZone() {
        assertEquals(Optional.of(Instant.parse("2025-01-16T07:00:00Z")),
                OVERNIGHT_IN_LONDON.holdUntil(Instant.parse("2025-01-15T23:30:00Z")));
    }

    @Test
    void anEarlyMorningMessageWaitsUntilTheWindowEndsThatMorning() {
        assertEquals(Optional.of(Instant.parse("2025-07-16T06:00:00Z")),
                OVERNIGHT_IN_LONDON.holdUntil(Instant.parse("2025-07-16T03:00:00Z")),
                "07:00 in London in summer is 06:00 UTC");
    }

    @Test
    void daytimeIsNotQuiet() {
        assertEquals(Optional.empty(), OVERNIGHT_IN_LONDON.holdUntil(Instant.parse("2025-01-15T12:00:00Z")));
        assertEquals(Optional.empty(), OVERNIGHT_IN_LONDON.holdUntil(Instant.parse("2025-01-15T07:00:00Z")));
    }

    @Test
    void theWindowFollowsThePersonsZoneNotTheServers() {
        QuietHours tokyo = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), ZoneId.of("Asia/Tokyo"));
        assertEquals(Optional.of(Instant.parse("2025-01-15T22:00:00Z")),
                tokyo.holdUntil(Instant.parse("2025-01-15T14:00:00Z")), "23:00 in Tokyo");
    }

    @Test
    void aDaytimeWindowHoldsOnlyWithinTheDay() {
        QuietHours siesta = new QuietHours(LocalTime.of(13, 0), LocalTime.of(15, 0), ZoneId.of("Europe/Madrid"));
        assertEquals(Optional.of(Instant.parse("2025-01-15T14:00:00Z")),
                siesta.holdUntil(Instant.parse("2025-01-15T12:30:00Z")));
        assertEquals(Optional.empty(), siesta.holdUntil(Instant.parse("2025-01-15T20:00:00Z")));
    }

    @Test
    void theWindowStartsOnTheMinuteItNames() {
        assertEquals(Optional.of(Instant.parse("2025-01-16T07:00:00Z")),
                OVERNIGHT_IN_LONDON.holdUntil(Instant.parse("2025-01-15T22:00:00Z")));
        assertEquals(Optional.empty(), OVERNIGHT_IN_LONDON.holdUntil(Instant.parse("2025-01-15T21:59:59Z")));
    }

    @Test
    void theNightTheClocksGoForwardEndsAtTheLocalMorning() {
        assertEquals(Optional.of(Instant.parse("2025-03-30T06:00:00Z")),
                OVERNIGHT_IN_LONDON.holdUntil(Instant.parse("2025-03-29T23:30:00Z")),
                "went to bed in winter time, woken at 07:00 summer time");
    }
}
