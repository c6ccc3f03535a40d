package com.garage.mobile.domain.partner.recall;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Due dates of interval services (pure; {@code IntervalScheduleTest}): the next multiple of the
 * distance interval above the mileage, and the last service plus the time interval; an item is
 * listed when either falls within the look-ahead ({@code withinKm}, {@code withinMonths}) and is
 * overdue when either is passed.
 */
public final class IntervalSchedule {

    private IntervalSchedule() {
    }

    public static List<DueService> due(List<ServiceInterval> intervals, int mileageKm, LocalDate lastServiceOn,
            LocalDate today, int withinKm, int withinMonths) {
        List<DueService> due = new ArrayList<>();
        for (ServiceInterval interval : intervals) {
            Integer atKm = interval.everyKm() > 0 ? (mileageKm / interval.everyKm() + 1) * interval.everyKm() : null;
            LocalDate on = interval.everyMonths() > 0 && lastServiceOn != null
                    ? lastServiceOn.plusMonths(interval.everyMonths()) : null;
            boolean byDistance = atKm != null && atKm - mileageKm <= withinKm;
            boolean byTime = on != null && !on.isAfter(today.plusMonths(withinMonths));
            if (byDistance || byTime) {
                due.add(new DueService(interval.code(), interval.name(), atKm, on, on != null && on.isBefore(today)));
            }
        }
        return due;
    }
}
