package com.garage.mobile.domain.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.job.ApprovalStatus;
import com.garage.mobile.domain.job.EstimateLine;
import com.garage.mobile.domain.job.LineKind;
import com.garage.mobile.domain.problem.ProblemException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeRulesTest {

    static final Instant NOW = Instant.parse("2026-05-20T12:00:00Z");
    static final UUID JOB = UUID.randomUUID();
    static final UUID STEP = UUID.randomUUID();

    @Test
    void spansThatOnlyTouchDoNotOverlap() {
        Span morning = span(EntryKind.WORK, null, "08:00", "10:00");
        assertFalse(morning.overlaps(at("10:00"), at("11:00")));
        assertFalse(morning.overlaps(at("07:00"), at("08:00")));
        assertTrue(morning.overlaps(at("09:59"), at("11:00")));
        assertTrue(morning.overlaps(at("07:00"), null));
    }

    @Test
    void aRunningSpanReachesIntoTheFuture() {
        Span running = span(EntryKind.WORK, null, "09:00", null);
        assertTrue(running.overlaps(at("11:00"), at("11:30")));
        assertFalse(running.overlaps(at("08:00"), at("09:00")));
    }

    @Test
    void anEmptySpanOverlapsNothing() {
        assertFalse(span(EntryKind.WORK, null, "09:00", "09:00").overlaps(at("08:00"), at("10:00")));
    }

    @Test
    void clashFindsAnotherEntryButNeverItself() {
        Span morning = span(EntryKind.WORK, null, "08:00", "10:00");
        assertEquals(morning, TimeRules.clash(List.of(morning), UUID.randomUUID(), at("09:00"), at("09:30")).orElseThrow());
        assertTrue(TimeRules.clash(List.of(morning), morning.id(), at("09:00"), at("09:30")).isEmpty());
    }

    @Test
    void deviceTimesAreBoundedBySkewAndRetention() {
        Duration skew = Duration.ofMinutes(2);
        Duration retention = Duration.ofDays(7);
        TimeRules.requireBounded("startedAt", NOW.plusSeconds(119), NOW, skew, retention);
        TimeRules.requireBounded("startedAt", NOW.minus(Duration.ofDays(7)), NOW, skew, retention);
        ProblemException future = assertThrows(ProblemException.class,
                () -> TimeRules.requireBounded("payload.startedAt", NOW.plusSeconds(121), NOW, skew, retention));
        assertEquals("payload.startedAt", future.problem().errors().get(0).field());
        assertThrows(ProblemException.class, () -> TimeRules.requireBounded("payload.startedAt",
                NOW.minus(Duration.ofDays(7)).minusSeconds(1), NOW, skew, retention));
    }

    @Test
    void totalsCountWorkAndPausesPerStepAndRunningUpToNow() {
        JobTime time = TimeRules.totals(List.of(span(EntryKind.WORK, STEP, "08:00", "09:30"),
                span(EntryKind.PAUSE, STEP, "09:30", "09:45"), span(EntryKind.WORK, null, "11:00", null)), 120, NOW);
        assertEquals(150, time.workedMinutes());
        assertEquals(15, time.pausedMinutes());
        assertTrue(time.overrun());
        assertEquals(new JobTime.StepTime(STEP, 90, 15), time.steps().get(0));
    }

    @Test
    void noEstimateMeansNoOverrun() {
        assertFalse(TimeRules.totals(List.of(span(EntryKind.WORK, null, "08:00", "11:00")), 0, NOW).overrun());
        assertFalse(TimeRules.totals(List.of(span(EntryKind.WORK, null, "08:00", "10:00")), 120, NOW).overrun());
    }

    @Test
    void theEstimateIsLabourHoursTheCustomerHasNotDeclined() {
        assertEquals(90, TimeRules.estimateMinutes(List.of(line(LineKind.LABOUR, "1.00", ApprovalStatus.APPROVED),
                line(LineKind.LABOUR, "0.50", ApprovalStatus.PENDING), line(LineKind.LABOUR, "2", ApprovalStatus.DECLINED),
                line(LineKind.PART, "4", ApprovalStatus.APPROVED))));
    }

    static EstimateLine line(LineKind kind, String quantity, ApprovalStatus status) {
        EstimateLine line = new EstimateLine();
        line.kind = kind;
        line.quantity = new BigDecimal(quantity);
        line.approvalStatus = status;
        return line;
    }

    static Span span(EntryKind kind, UUID step, String start, String end) {
        return new Span(UUID.randomUUID(), JOB, step, kind, at(start), end != null ? at(end) : null);
    }

    static Instant at(String time) {
        return Instant.parse("2026-05-20T" + time + ":00Z");
    }
}
