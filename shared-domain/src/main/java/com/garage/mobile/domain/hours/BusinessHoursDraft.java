package com.garage.mobile.domain.hours;

import com.garage.mobile.domain.problem.ProblemException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Business hours as an advisor sends them, checked field by field: an IANA time zone, per weekday
 * intervals of {@code HH:mm} that open before they close and do not overlap, at least one open
 * interval in the week, and at most 366 holidays. Each fault names its field.
 */
public final class BusinessHoursDraft {

    static final int MAX_HOLIDAYS = 366;
    static final int MAX_INTERVALS_A_DAY = 6;

    private BusinessHoursDraft() {
    }

    /** One interval as sent. */
    public record Interval(String opens, String closes) {
    }

    public static BusinessHours parse(String timeZone, Map<String, List<Interval>> week, List<String> holidays) {
        ZoneId zone = zone(timeZone);
        Map<DayOfWeek, List<OpeningInterval>> days = new EnumMap<>(DayOfWeek.class);
        if (week != null) {
            week.forEach((name, intervals) -> {
                DayOfWeek day = day(name);
                days.put(day, intervals(day, intervals));
            });
        }
        if (days.values().stream().allMatch(List::isEmpty)) {
            throw ProblemException.invalidField("week", "must open at least once a week");
        }
        return new BusinessHours(zone, days, dates(holidays));
    }

    private static ZoneId zone(String timeZone) {
        if (timeZone == null || !timeZone.contains("/") && !"UTC".equals(timeZone)) {
            throw ProblemException.invalidField("timeZone", "must be an IANA time zone such as Europe/London");
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw ProblemException.invalidField("timeZone", "must be an IANA time zone such as Europe/London");
        }
    }

    private static DayOfWeek day(String name) {
        try {
            return DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("week." + name, "is not a day of the week (MONDAY to SUNDAY)");
        }
    }

    private static List<OpeningInterval> intervals(DayOfWeek day, List<Interval> sent) {
        String field = "week." + day.name();
        if (sent == null) {
            return List.of();
        }
        if (sent.size() > MAX_INTERVALS_A_DAY) {
            throw ProblemException.invalidField(field, "has at most " + MAX_INTERVALS_A_DAY + " intervals");
        }
        List<OpeningInterval> intervals = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            Interval interval = sent.get(i);
            String at = field + "[" + i + "]";
            if (interval == null) {
                throw ProblemException.invalidField(at, "must be an interval");
            }
            LocalTime opens = time(at + ".opens", interval.opens());
            LocalTime closes = time(at + ".closes", interval.closes());
            if (!opens.isBefore(closes)) {
                throw ProblemException.invalidField(at + ".closes", "must be after opens, on the same day");
            }
            intervals.add(new OpeningInterval(opens, closes));
        }
        intervals.sort(Comparator.comparing(OpeningInterval::opens));
        for (int i = 1; i < intervals.size(); i++) {
            if (intervals.get(i).opens().isBefore(intervals.get(i - 1).closes())) {
                throw ProblemException.invalidField(field, "has overlapping intervals");
            }
        }
        return intervals;
    }

    private static LocalTime time(String field, String value) {
        if (value == null || !value.matches("\\d{2}:\\d{2}")) {
            throw ProblemException.invalidField(field, "must be a time of day as HH:mm");
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be a time of day as HH:mm");
        }
    }

    private static Set<LocalDate> dates(List<String> holidays) {
        if (holidays == null) {
            return Set.of();
        }
        if (holidays.size() > MAX_HOLIDAYS) {
            throw ProblemException.invalidField("holidays", "holds at most " + MAX_HOLIDAYS + " dates");
        }
        Set<LocalDate> dates = new HashSet<>();
        for (int i = 0; i < holidays.size(); i++) {
            try {
                dates.add(LocalDate.parse(holidays.get(i)));
            } catch (DateTimeParseException | NullPointerException e) {
                throw ProblemException.invalidField("holidays[" + i + "]", "must be a date as YYYY-MM-DD");
            }
        }
        return dates;
    }
}
