package com.garage.mobile.domain.hours;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A garage's business hours through time: each version holds from the instant it took effect until
 * the next one, so time measured across a change of hours or of time zone counts each part by the
 * hours then in force. Pure arithmetic: working time between two instants, and the instant a working
 * duration has elapsed.
 */
public final class BusinessCalendar {

    /** How far ahead a working duration is looked for: a calendar that never opens has no such instant. */
    static final int SEARCH_DAYS = 3 * 366;

    private final List<Version> versions;

    /** The hours in force from {@code since} on, until the next version. */
    public record Version(Instant since, BusinessHours hours) {
    }

    private BusinessCalendar(List<Version> versions) {
        this.versions = versions.stream().sorted(Comparator.comparing(Version::since)).toList();
    }

    /** The versions in any order; the earliest is taken to have always held. */
    public static BusinessCalendar of(List<Version> versions) {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("A calendar has at least one version of its hours.");
        }
        return new BusinessCalendar(versions);
    }

    public static BusinessCalendar always(BusinessHours hours) {
        return of(List.of(new Version(Instant.EPOCH, hours)));
    }

    /** The time the garage is open between the two instants (zero when {@code to} is not after {@code from}). */
    public Duration workingTime(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        for (int i = 0; i < versions.size(); i++) {
            Instant start = max(from, i == 0 ? Instant.MIN : versions.get(i).since());
            Instant end = min(to, i + 1 < versions.size() ? versions.get(i + 1).since() : Instant.MAX);
            if (start.isBefore(end)) {
                total = total.plus(openWithin(versions.get(i).hours(), start, end));
            }
        }
        return total;
    }

    /**
     * The instant at which the garage will have been open for {@code working} since {@code start};
     * empty when it does not open enough in the next three years. Zero is {@code start} itself.
     */
    public Optional<Instant> after(Instant start, Duration working) {
        if (working.isNegative()) {
            throw new IllegalArgumentException("A working duration is not negative.");
        }
        Duration left = working;
        Instant cursor = start;
        for (int i = indexAt(start); i < versions.size(); i++) {
            Instant end = i + 1 < versions.size() ? versions.get(i + 1).since() : Instant.MAX;
            if (left.isZero()) {
                return Optional.of(cursor);
            }
            for (BusinessHours.Stretch stretch : stretches(versions.get(i).hours(), cursor, end)) {
                Instant from = max(stretch.from(), cursor);
                Instant to = min(stretch.to(), end);
                Duration open = Duration.between(from, to);
                if (open.compareTo(left) >= 0) {
                    return Optional.of(from.plus(left));
                }
                left = left.minus(open);
                cursor = to;
            }
            cursor = max(cursor, end);
        }
        return Optional.empty();
    }

    private int indexAt(Instant at) {
        int index = 0;
        for (int i = 1; i < versions.size(); i++) {
            if (!versions.get(i).since().isAfter(at)) {
                index = i;
            }
        }
        return index;
    }

    private static Duration openWithin(BusinessHours hours, Instant from, Instant to) {
        Duration open = Duration.ZERO;
        for (BusinessHours.Stretch stretch : stretches(hours, from, to)) {
            Instant start = max(stretch.from(), from);
            Instant end = min(stretch.to(), to);
            if (start.isBefore(end)) {
                open = open.plus(Duration.between(start, end));
            }
        }
        return open;
    }

    /** The open stretches of these hours that end after {@code from} and start before {@code to}, in order. */
    private static List<BusinessHours.Stretch> stretches(BusinessHours hours, Instant from, Instant to) {
        List<BusinessHours.Stretch> found = new ArrayList<>();
        // A day earlier: an early-morning instant belongs to a date whose stretches may start the day before in UTC.
        LocalDate date = LocalDate.ofInstant(from, hours.zone()).minusDays(1);
        LocalDate last = to.equals(Instant.MAX) ? date.plusDays(SEARCH_DAYS)
                : LocalDate.ofInstant(to, hours.zone()).plusDays(1);
        for (; !date.isAfter(last); date = date.plusDays(1)) {
            for (BusinessHours.Stretch stretch : hours.openOn(date)) {
                if (stretch.to().isAfter(from) && stretch.from().isBefore(to)) {
                    found.add(stretch);
                }
            }
        }
        return found;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
