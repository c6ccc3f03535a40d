package com.garage.mobile.domain.hours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.garage.mobile.domain.problem.ProblemException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BusinessHoursDraftTest {

    private static final Map<String, List<BusinessHoursDraft.Interval>> WEEKDAY = Map.of("MONDAY",
            List.of(new BusinessHoursDraft.Interval("13:00", "17:00"), new BusinessHoursDraft.Interval("08:00", "12:00")));

    @Test
    void intervalsAreSortedAndHolidaysKept() {
        BusinessHours hours = BusinessHoursDraft.parse("Europe/Berlin", WEEKDAY, List.of("2026-12-25"));
        assertEquals(List.of(OpeningInterval.of("08:00", "12:00"), OpeningInterval.of("13:00", "17:00")),
                hours.on(DayOfWeek.MONDAY));
        assertEquals(List.of(), hours.on(DayOfWeek.SUNDAY));
        assertEquals(java.util.Set.of(LocalDate.parse("2026-12-25")), hours.holidays());
    }

    @Test
    void eachFaultNamesItsField() {
        assertField("timeZone", () -> BusinessHoursDraft.parse("Mars/Olympus", WEEKDAY, List.of()));
        assertField("timeZone", () -> BusinessHoursDraft.parse("+02:00", WEEKDAY, List.of()));
        assertField("week.FUNDAY", () -> BusinessHoursDraft.parse("UTC",
                Map.of("FUNDAY", List.of(new BusinessHoursDraft.Interval("08:00", "09:00"))), List.of()));
        assertField("week.MONDAY[0].closes", () -> BusinessHoursDraft.parse("UTC",
                Map.of("MONDAY", List.of(new BusinessHoursDraft.Interval("18:00", "08:00"))), List.of()));
        assertField("week.MONDAY[0].opens", () -> BusinessHoursDraft.parse("UTC",
                Map.of("MONDAY", List.of(new BusinessHoursDraft.Interval("8am", "18:00"))), List.of()));
        assertField("week.MONDAY", () -> BusinessHoursDraft.parse("UTC", Map.of("MONDAY", List.of(
                new BusinessHoursDraft.Interval("08:00", "12:00"), new BusinessHoursDraft.Interval("11:00", "14:00"))),
                List.of()));
        assertField("week", () -> BusinessHoursDraft.parse("UTC", Map.of("MONDAY", List.of()), List.of()));
        assertField("holidays[1]", () -> BusinessHoursDraft.parse("UTC", WEEKDAY, List.of("2026-12-25", "25/12")));
    }

    private static void assertField(String field, Runnable parse) {
        ProblemException problem = assertThrows(ProblemException.class, parse::run);
        assertEquals(field, problem.problem().errors().getFirst().field());
    }
}
