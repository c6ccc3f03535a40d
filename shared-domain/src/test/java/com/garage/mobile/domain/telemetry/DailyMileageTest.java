package com.garage.mobile.domain.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.domain.telemetry.DailyMileage.Basis;
import com.garage.mobile.domain.telemetry.DailyMileage.Estimate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DailyMileageTest {

    static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    static OdometerReading daysAgo(int days, int km) {
        return new OdometerReading(km, NOW.minus(Duration.ofDays(days)));
    }

    @Test
    void readingsOverEnoughDaysGiveTheirLeastSquaresSlope() {
        Estimate estimate = DailyMileage.estimate(List.of(daysAgo(100, 10_000), daysAgo(50, 12_000),
                daysAgo(0, 14_000)), NOW, 2020, 365, 14, 40);
        assertEquals(Basis.READINGS, estimate.basis());
        assertEquals(40.0, estimate.kmPerDay(), 1e-9);
        assertEquals(3, estimate.readingsUsed());
        assertEquals(100, estimate.spanDays());
        assertEquals(14_000 + 40 * 10, estimate.predictedKm(LocalDate.of(2026, 12, 15)));
    }

    @Test
    void anOutlierMovesTheSlopeLessThanTheEndPointsWould() {
        double slope = DailyMileage.estimate(List.of(daysAgo(90, 10_000), daysAgo(60, 11_000), daysAgo(30, 12_000),
                daysAgo(0, 15_000)), NOW, null, 365, 14, 40).kmPerDay();
        assertEquals(160 / 3.0, slope, 1e-9, "least squares, not the end points: (15,000 − 10,000) / 90 = 55.6");
    }

    @Test
    void readingsOutsideTheWindowAreLeftOut() {
        Estimate estimate = DailyMileage.estimate(List.of(daysAgo(800, 0), daysAgo(30, 30_000), daysAgo(0, 30_600)),
                NOW, null, 365, 14, 40);
        assertEquals(20.0, estimate.kmPerDay(), 1e-9);
        assertEquals(2, estimate.readingsUsed());
    }

    @Test
    void aShortSpanFallsBackToTheVehiclesAgeThenToTheDefault() {
        List<OdometerReading> weekend = List.of(daysAgo(2, 36_400), daysAgo(0, 36_500));
        Estimate byAge = DailyMileage.estimate(weekend, NOW, 2024, 365, 14, 40);
        assertEquals(Basis.VEHICLE_AGE, byAge.basis());
        assertEquals(36_500 / (double) Duration.between(Instant.parse("2024-01-01T00:00:00Z"), NOW).toDays(),
                byAge.kmPerDay(), 1e-9);
        Estimate byDefault = DailyMileage.estimate(weekend, NOW, null, 365, 14, 40);
        assertEquals(Basis.DEFAULT, byDefault.basis());
        assertEquals(40.0, byDefault.kmPerDay());
        assertEquals(Basis.DEFAULT, DailyMileage.estimate(List.of(), NOW, 2020, 365, 14, 40).basis());
    }

    @Test
    void aFallingSeriesNeverGivesANegativeRate() {
        assertEquals(0.0, DailyMileage.estimate(List.of(daysAgo(30, 10_000), daysAgo(0, 9_990)), NOW, null, 365, 14,
                40).kmPerDay());
    }
}
