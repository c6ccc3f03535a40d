package com.garage.mobile.technician.hours;

import com.garage.mobile.domain.hours.BusinessCalendars;
import com.garage.mobile.domain.hours.BusinessHoursDraft;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The garage's business hours in force now, with their version (0: the standard hours, never changed). */
public record BusinessHoursView(String timeZone, Map<String, List<BusinessHoursDraft.Interval>> week,
        List<String> holidays, long version) {

    static BusinessHoursView of(BusinessCalendars.CurrentHours current) {
        Map<String, List<BusinessHoursDraft.Interval>> week = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day.name(), current.hours().on(day).stream()
                    .map(i -> new BusinessHoursDraft.Interval(i.opens().toString(), i.closes().toString())).toList());
        }
        return new BusinessHoursView(current.hours().zone().getId(), week,
                current.hours().holidays().stream().sorted().map(LocalDate::toString).toList(), current.version());
    }
}
