package com.garage.mobile.domain.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

/**
 * How far a vehicle goes per day, estimated from its odometer readings: the least-squares slope of
 * kilometres over days through the readings of the window. Readings spanning fewer days than the
 * minimum say little (a weekend trip), so then the lifetime average since the model year's first
 * day is used, and without a model year the configured default.
 */
public final class DailyMileage {

    /** Where an estimate comes from, for the explanation shown beside it. */
    public enum Basis {
        READINGS, VEHICLE_AGE, DEFAULT
    }

    /** Kilometres per day, what it rests on, and the latest reading to project from (null if none). */
    public record Estimate(double kmPerDay, Basis basis, int readingsUsed, long spanDays, OdometerReading latest) {

        /** The odometer predicted for a day, from the latest reading at this rate. */
        public int predictedKm(LocalDate day) {
            if (latest == null) {
                return 0;
            }
            long days = Math.max(0, Duration.between(latest.at(), day.atStartOfDay(ZoneOffset.UTC).toInstant()).toDays());
            return (int) Math.round(latest.km() + kmPerDay * days);
        }
    }

    private DailyMileage() {
    }

    public static Estimate estimate(List<OdometerReading> readings, Instant now, Integer modelYear, int windowDays,
            int minSpanDays, double defaultKmPerDay) {
        Instant from = now.minus(Duration.ofDays(windowDays));
        List<OdometerReading> recent = readings.stream().filter(r -> !r.at().isBefore(from) && !r.at().isAfter(now))
                .sorted(Comparator.comparing(OdometerReading::at)).toList();
        OdometerReading latest = readings.stream().max(Comparator.comparing(OdometerReading::at)).orElse(null);
        long span = recent.size() < 2 ? 0 : Duration.between(recent.getFirst().at(), recent.getLast().at()).toDays();
        if (span >= minSpanDays) {
            return new Estimate(Math.max(0, slope(recent)), Basis.READINGS, recent.size(), span, latest);
        }
        if (latest != null && modelYear != null) {
            long age = Duration.between(LocalDate.of(modelYear, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                    latest.at()).toDays();
            if (age >= minSpanDays) {
                return new Estimate(latest.km() / (double) age, Basis.VEHICLE_AGE, 1, age, latest);
            }
        }
        return new Estimate(defaultKmPerDay, Basis.DEFAULT, 0, 0, latest);
    }

    /** Ordinary least squares of km over fractional days since the first reading. */
    static double slope(List<OdometerReading> points) {
        Instant origin = points.getFirst().at();
        double n = points.size();
        double sumX = 0;
        double sumY = 0;
        double sumXy = 0;
        double sumXx = 0;
        for (OdometerReading point : points) {
            double x = Duration.between(origin, point.at()).toSeconds() / 86_400.0;
            sumX += x;
            sumY += point.km();
            sumXy += x * point.km();
            sumXx += x * x;
        }
        double denominator = n * sumXx - sumX * sumX;
        return denominator == 0 ? 0 : (n * sumXy - sumX * sumY) / denominator;
    }
}
