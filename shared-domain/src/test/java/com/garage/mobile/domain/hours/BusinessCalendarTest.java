package com.garage.mobile.domain.hours;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final BusinessCalendar WEEKDAYS = BusinessCalendar.always(BusinessHours.standard(LONDON));

    private static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
    }

    @Test
    void workingTimeWithinOneOpenStretchIsTheElapsedTime() {
        assertEquals(Duration.ofMinutes(45),
                WEEKDAYS.workingTime(london("2026-12-02T09:00"), london("2026-12-02T09:45")));
        assertEquals(Optional.of(london("2026-12-02T09:45")),
                WEEKDAYS.after(london("2026-12-02T09:00"), Duration.ofMinutes(45)));
    }

    @Test
    void theWeekendCountsOnlySaturdayMorning() {
        // Friday 17:00 to Monday 09:00: one hour on Friday, four on Saturday, one on Monday
        assertEquals(Duration.ofHours(6), WEEKDAYS.workingTime(london("2026-12-04T17:00"), london("2026-12-07T09:00")));
        // Friday 17:30 plus two working hours: half an hour on Friday, then Saturday 10:30
        assertEquals(Optional.of(london("2026-12-05T10:30")),
                WEEKDAYS.after(london("2026-12-04T17:30"), Duration.ofHours(2)));
        // five working hours from Friday 17:30: Friday 0.5, Saturday 4, then Monday 08:30
        assertEquals(Optional.of(london("2026-12-07T08:30")),
                WEEKDAYS.after(london("2026-12-04T17:30"), Duration.ofHours(5)));
    }

    @Test
    void aHolidayIsClosedAllDay() {
        BusinessHours hours = new BusinessHours(LONDON, BusinessHours.standard(LONDON).week(),
                Set.of(LocalDate.parse("2026-12-25")));
        BusinessCalendar calendar = BusinessCalendar.always(hours);
        // Thursday 24th 17:00 + 2 h: one hour on the 24th, Friday the 25th is a holiday, Saturday 09:00-10:00
        assertEquals(Optional.of(london("2026-12-26T10:00")),
                calendar.after(london("2026-12-24T17:00"), Duration.ofHours(2)));
        assertEquals(Duration.ZERO, calendar.workingTime(london("2026-12-25T00:00"), london("2026-12-26T00:00")));
    }

    @Test
    void aStartOutsideHoursCountsFromTheNextOpening() {
        assertEquals(Optional.of(london("2026-12-03T08:15")),
                WEEKDAYS.after(london("2026-12-02T22:15"), Duration.ofMinutes(15)));
        assertEquals(Duration.ZERO, WEEKDAYS.workingTime(london("2026-12-02T19:00"), london("2026-12-03T07:59")));
        // Sunday: nothing until Monday 08:00
        assertEquals(Optional.of(london("2026-12-06T12:00")),
                WEEKDAYS.after(london("2026-12-06T12:00"), Duration.ZERO));
        assertEquals(Optional.of(london("2026-12-07T08:01")),
                WEEKDAYS.after(london("2026-12-06T12:00"), Duration.ofMinutes(1)));
    }

    @Test
    void severalIntervalsADaySkipTheLunchBreak() {
        Map<DayOfWeek, List<OpeningInterval>> week = new EnumMap<>(DayOfWeek.class);
        week.put(DayOfWeek.WEDNESDAY, List.of(OpeningInterval.of("08:00", "12:00"), OpeningInterval.of("13:00", "17:00")));
        BusinessCalendar calendar = BusinessCalendar.always(new BusinessHours(LONDON, week, Set.of()));
        assertEquals(Optional.of(london("2026-12-02T13:30")),
                calendar.after(london("2026-12-02T11:30"), Duration.ofHours(1)));
        assertEquals(Duration.ofHours(8), calendar.workingTime(london("2026-12-02T07:00"), london("2026-12-02T18:00")));
        // the next Wednesday, a week on
        assertEquals(Optional.of(london("2026-12-09T08:30")),
                calendar.after(london("2026-12-02T16:30"), Duration.ofHours(1)));
    }

    @Test
    void dstFollowsTheWallClock() {
        // Saturday 28 March 2026 12:30 (GMT) + 1 h: half an hour on Saturday, then Monday 30 March 08:30 BST
        Instant due = WEEKDAYS.after(london("2026-03-28T12:30"), Duration.ofHours(1)).orElseThrow();
        assertEquals(Instant.parse("2026-03-30T07:30:00Z"), due);
        // a week of hours across the change is still 54 working hours
        assertEquals(Duration.ofHours(54),
                WEEKDAYS.workingTime(london("2026-03-23T00:00"), london("2026-03-30T00:00")));
        // an interval holding the skipped hour is an hour shorter that night, and an hour longer in autumn
        Map<DayOfWeek, List<OpeningInterval>> night = new EnumMap<>(DayOfWeek.class);
        night.put(DayOfWeek.SUNDAY, List.of(OpeningInterval.of("00:00", "04:00")));
        BusinessCalendar nights = BusinessCalendar.always(new BusinessHours(LONDON, night, Set.of()));
        assertEquals(Duration.ofHours(3),
                nights.workingTime(Instant.parse("2026-03-28T12:00:00Z"), Instant.parse("2026-03-30T00:00:00Z")));
        assertEquals(Duration.ofHours(5),
                nights.workingTime(Instant.parse("2026-10-24T12:00:00Z"), Instant.parse("2026-10-26T00:00:00Z")));
    }

    @Test
    void aChangeOfTimeZoneCountsEachPartByTheHoursThenInForce() {
        // The garage moves from London to New York hours on Wednesday 2 December 2026 at 17:00 UTC
        Instant moved = Instant.parse("2026-12-02T17:00:00Z");
        BusinessCalendar calendar = BusinessCalendar.of(List.of(
                new BusinessCalendar.Version(Instant.EPOCH, BusinessHours.standard(LONDON)),
                new BusinessCalendar.Version(moved, BusinessHours.standard(NEW_YORK))));
        // 16:00-17:00 in London, then 12:00-18:00 EST (17:00-23:00 UTC) in New York
        assertEquals(Duration.ofHours(7),
                calendar.workingTime(Instant.parse("2026-12-02T16:00:00Z"), Instant.parse("2026-12-03T00:00:00Z")));
        assertEquals(Optional.of(Instant.parse("2026-12-02T18:00:00Z")),
                calendar.after(Instant.parse("2026-12-02T16:00:00Z"), Duration.ofHours(2)));
        // half an hour before New York closes, the other half from its opening on the 3rd (08:00 EST)
        assertEquals(Optional.of(Instant.parse("2026-12-03T13:30:00Z")),
                calendar.after(Instant.parse("2026-12-02T22:30:00Z"), Duration.ofHours(1)));
        // the same span on London hours alone: 16:00-18:00
        assertEquals(Duration.ofHours(2), BusinessCalendar.always(BusinessHours.standard(LONDON))
                .workingTime(Instant.parse("2026-12-02T16:00:00Z"), Instant.parse("2026-12-03T00:00:00Z")));
    }

    @Test
    void aCalendarThatNeverOpensHasNoDueInstant() {
        BusinessCalendar closed = BusinessCalendar.always(new BusinessHours(LONDON, Map.of(), Set.of()));
        assertEquals(Optional.empty(), closed.after(london("2026-12-02T09:00"), Duration.ofMinutes(1)));
        assertEquals(Duration.ZERO, closed.workingTime(london("2026-12-01T00:00"), london("2026-12-31T00:00")));
    }
}
