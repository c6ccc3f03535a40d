package com.garage.mobile.domain.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.domain.partner.recall.DueService;
import com.garage.mobile.domain.partner.recall.IntervalSchedule;
import com.garage.mobile.domain.partner.recall.ServiceInterval;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntervalScheduleTest {

    private static final List<ServiceInterval> PLAN = List.of(
            new ServiceInterval("OIL", "Oil", 15_000, 12),
            new ServiceInterval("BRAKE_FLUID", "Brake fluid", 0, 24));
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    @Test
    void dueByDistanceAtTheNextMultipleWithinTheLookAhead() {
        List<DueService> due = IntervalSchedule.due(PLAN, 44_100, null, TODAY, 1_500, 1);
        assertEquals(1, due.size());
        assertEquals("OIL", due.get(0).code());
        assertEquals(45_000, due.get(0).dueAtKm());
    }

    @Test
    void notListedWhenNeitherDistanceNorTimeIsNear() {
        assertEquals(List.of(), IntervalSchedule.due(PLAN, 40_000, TODAY.minusMonths(2), TODAY, 1_500, 1));
    }

    @Test
    void dueByTimeSinceTheLastServiceAndOverdueOncePassed() {
        List<DueService> due = IntervalSchedule.due(PLAN, 40_000, TODAY.minusMonths(25), TODAY, 1_500, 1);
        assertEquals(List.of("OIL", "BRAKE_FLUID"), due.stream().map(DueService::code).toList());
        assertEquals(TODAY.minusMonths(13), due.get(0).dueOn());
        assertEquals(true, due.get(0).overdue());
        assertEquals(true, due.get(1).overdue());
    }

    @Test
    void dueWithinAMonthIsListedButNotOverdue() {
        List<DueService> due = IntervalSchedule.due(PLAN, 40_000, TODAY.minusMonths(12).plusDays(10), TODAY, 1_500, 1);
        assertEquals(1, due.size());
        assertEquals(false, due.get(0).overdue());
    }

    @Test
    void withoutALastServiceOnlyDistanceCounts() {
        assertEquals(List.of(), IntervalSchedule.due(List.of(new ServiceInterval("BF", "Brake fluid", 0, 24)),
                10_000, null, TODAY, 1_500, 1));
    }
}
