package com.garage.mobile.domain.recommendation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.recommendation.DueService.Assessment;
import com.garage.mobile.domain.recommendation.DueService.LastDone;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DueServiceTest {

    static final ServiceInterval OIL = new ServiceInterval("oil", "Oil and filter change", 15_000, 12,
            List.of("oil change"));
    static final ServiceInterval BRAKE_FLUID = new ServiceInterval("brake-fluid", "Brake fluid change", null, 24,
            List.of("brake fluid"));
    static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    static final LastDone FIRST_SEEN = new LastDone(LocalDate.of(2025, 1, 1), 20_000);

    @Test
    void byDistanceTheDueDayIsTheKilometresLeftOverTheDailyMileage() {
        Assessment due = DueService.assess(OIL, Optional.of(new LastDone(LocalDate.of(2026, 6, 1), 30_000)), 44_400,
                40, TODAY, FIRST_SEEN, 30).orElseThrow();
        assertEquals(TODAY.plusDays(15), due.dueOn(), "600 km left at 40 km a day");
        assertFalse(due.overdue());
        assertEquals(List.of("Last done on 2026-06-01 at 30,000 km.", "Every 15,000 km or 12 months, whichever comes"
                + " first.", "At about 40 km a day the odometer, now about 44,400 km, reaches 45,000 km around"
                + " 2026-12-19."), due.reasons());
        assertEquals(15L, due.evidence().get("daysLeft"));
    }

    @Test
    void byTimeWhenTheMonthsRunOutFirst() {
        Assessment due = DueService.assess(OIL, Optional.of(new LastDone(LocalDate.of(2025, 12, 20), 30_000)), 33_000,
                10, TODAY, FIRST_SEEN, 30).orElseThrow();
        assertEquals(LocalDate.of(2026, 12, 20), due.dueOn());
        assertEquals("By time it falls due on 2026-12-20.", due.reasons().get(2));
    }

    @Test
    void beyondTheHorizonNothingIsDue() {
        assertTrue(DueService.assess(OIL, Optional.of(new LastDone(LocalDate.of(2026, 10, 1), 40_000)), 41_000, 40,
                TODAY, null, 30).isEmpty());
    }

    @Test
    void pastTheDistanceItIsOverdueToday() {
        Assessment due = DueService.assess(OIL, Optional.of(new LastDone(LocalDate.of(2026, 9, 1), 30_000)), 46_000,
                40, TODAY, FIRST_SEEN, 30).orElseThrow();
        assertEquals(TODAY, due.dueOn());
        assertTrue(due.overdue());
    }

    @Test
    void neverDoneHereCountsFromTheGaragesFirstOdometerOfTheVehicle() {
        Assessment due = DueService.assess(BRAKE_FLUID, Optional.empty(), 35_000, 40, TODAY,
                new LastDone(LocalDate.of(2024, 12, 20), 20_000), 30).orElseThrow();
        assertEquals(LocalDate.of(2026, 12, 20), due.dueOn());
        assertEquals("No record of it here since we first saw the vehicle on 2024-12-20 at 20,000 km.",
                due.reasons().getFirst());
        assertTrue(DueService.assess(OIL, Optional.empty(), 120_000, 40, TODAY, new LastDone(TODAY.minusDays(10),
                119_600), 30).isEmpty(), "a high odometer alone does not make a service due: the distance counts"
                + " from when the garage first saw the vehicle");
        assertTrue(DueService.assess(BRAKE_FLUID, Optional.empty(), 20_000, 40, TODAY, null, 30).isEmpty(),
                "nothing known of the vehicle: nothing said");
    }

    @Test
    void aCycleIsAnchoredToTheVisitThatLastDidIt() {
        List<ServiceVisit> visits = List.of(new ServiceVisit(LocalDate.of(2025, 1, 10), 10_000, "Oil change | Wipers"),
                new ServiceVisit(LocalDate.of(2026, 1, 5), 25_000, "Oil change"),
                new ServiceVisit(LocalDate.of(2026, 5, 5), 30_000, "Replace wiper blades"));
        List<Candidate> due = DueServices.candidates(DueServices.assess(List.of(OIL), visits, 39_900, 40, TODAY, null,
                30));
        assertEquals("service:oil@2026-01-05", due.getFirst().subject());
        assertEquals("Oil and filter change is due soon", due.getFirst().title());
        assertEquals(RecommendationKind.SERVICE_DUE, due.getFirst().kind());
    }
}
