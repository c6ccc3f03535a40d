package com.garage.mobile.domain.hours;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When a garage is open: intervals of wall-clock time per weekday in its time zone (none on a
 * closed day), and holidays on which it is closed all day. Wall-clock time, so a DST change moves
 * the instants with the clocks: a garage open 08:00-18:00 is open 08:00-18:00 either side of it.
 */
public record BusinessHours(ZoneId zone, Map<DayOfWeek, List<OpeningInterval>> week, Set<LocalDate> holidays) {

    public BusinessHours {
        Map<DayOfWeek, List<OpeningInterval>> copy = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, intervals) -> copy.put(day, List.copyOf(intervals)));
        week = Map.copyOf(copy);
        holidays = Set.copyOf(holidays);
    }

    /** Monday to Friday 08:00-18:00 and Saturday 09:00-13:00: a garage's hours until it sets its own. */
    public static BusinessHours standard(ZoneId zone) {
        Map<DayOfWeek, List<OpeningInterval>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(day, List.of(OpeningInterval.of("08:00", "18:00")));
        }
        week.put(DayOfWeek.SATURDAY, List.of(OpeningInterval.of("09:00", "13:00")));
        return new BusinessHours(zone, week, Set.of());
    }

    public List<OpeningInterval> on(DayOfWeek day) {
        return week.getOrDefault(day, List.of());
    }

    /**
     * The open stretches of the date as instants, in order. A time the clocks skip on that date is
     * the first instant after the gap; a time they repeat is its first occurrence.
     */
    List<Stretch> openOn(LocalDate date) {
        if (holidays.contains(date)) {
            return List.of();
        }
        List<Stretch> open = new ArrayList<>();
        for (OpeningInterval interval : on(date.getDayOfWeek())) {
            Instant from = date.atTime(interval.opens()).atZone(zone).toInstant();
            Instant to = date.atTime(interval.closes()).atZone(zone).toInstant();
            if (from.isBefore(to)) {
                open.add(new Stretch(from, to));
            }
        }
        return open;
    }

    /** A half-open span of time, {@code [from, to)}. */
    record Stretch(Instant from, Instant to) {
    }
}
