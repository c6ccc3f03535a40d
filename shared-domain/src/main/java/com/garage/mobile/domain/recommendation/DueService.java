package com.garage.mobile.domain.recommendation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When a service falls due: by time (the last time it was done plus the interval's months) or by
 * distance (the kilometres left divided by the daily mileage), whichever comes first. Due soon
 * means within the horizon; a service with no record at this garage counts its distance and time
 * from the garage's first odometer of the vehicle (not from zero: that would make every older car
 * overdue for everything the garage has not seen it done).
 */
public final class DueService {

    /** The last time the service was done: its day and odometer (null when not recorded). */
    public record LastDone(LocalDate on, Integer km) {
    }

    /** A service falling due, with why (sentences) and the figures behind it. */
    public record Assessment(ServiceInterval interval, LocalDate dueOn, boolean overdue, List<String> reasons,
            Map<String, Object> evidence) {
    }

    private DueService() {
    }

    /**
     * @param currentKm  the odometer predicted for today
     * @param kmPerDay   the vehicle's daily mileage
     * @param firstKnown the garage's first odometer of the vehicle: where a service never recorded here
     *                   counts from (null: nothing is said of such a service)
     */
    public static Optional<Assessment> assess(ServiceInterval interval, Optional<LastDone> last, int currentKm,
            double kmPerDay, LocalDate today, LastDone firstKnown, int horizonDays) {
        if (last.isEmpty() && firstKnown == null) {
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>();
        LastDone from = last.orElse(firstKnown);
        LocalDate byTime = interval.months() == null ? null : from.on().plusMonths(interval.months());
        LocalDate byDistance = null;
        int fromKm = from.km() == null ? 0 : from.km();
        if (interval.distanceKm() != null) {
            int left = fromKm + interval.distanceKm() - currentKm;
            if (left <= 0) {
                byDistance = today;
            } else if (kmPerDay > 0) {
                byDistance = today.plusDays((long) Math.ceil(left / kmPerDay));
            }
        }
        LocalDate dueOn = earliest(byTime, byDistance);
        if (dueOn == null || dueOn.isAfter(today.plusDays(horizonDays))) {
            return Optional.empty();
        }
        reasons.add(last.map(done -> "Last done on %s%s.".formatted(done.on(),
                done.km() == null ? "" : " at %,d km".formatted(done.km())))
                .orElseGet(() -> "No record of it here since we first saw the vehicle on %s%s.".formatted(
                        firstKnown.on(), firstKnown.km() == null ? "" : " at %,d km".formatted(firstKnown.km()))));
        reasons.add("Every " + describe(interval) + ", whichever comes first.");
        if (byDistance != null && !byDistance.isAfter(byTime == null ? byDistance : byTime)) {
            reasons.add("At about %,.0f km a day the odometer, now about %,d km, reaches %,d km around %s."
                    .formatted(kmPerDay, currentKm, fromKm + interval.distanceKm(), byDistance));
        } else {
            reasons.add("By time it falls due on %s.".formatted(byTime));
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("interval", interval.code());
        evidence.put("currentKm", currentKm);
        evidence.put("kmPerDay", Math.round(kmPerDay * 10) / 10.0);
        last.ifPresent(done -> evidence.put("lastDoneOn", done.on().toString()));
        last.map(LastDone::km).ifPresent(km -> evidence.put("lastDoneKm", km));
        evidence.put("dueOn", dueOn.toString());
        evidence.put("daysLeft", ChronoUnit.DAYS.between(today, dueOn));
        return Optional.of(new Assessment(interval, dueOn, !dueOn.isAfter(today),
                List.copyOf(reasons), Collections.unmodifiableMap(evidence)));
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    private static String describe(ServiceInterval interval) {
        if (interval.distanceKm() != null && interval.months() != null) {
            return "%,d km or %d months".formatted(interval.distanceKm(), interval.months());
        }
        return interval.distanceKm() != null ? "%,d km".formatted(interval.distanceKm())
                : "%d months".formatted(interval.months());
    }
}
