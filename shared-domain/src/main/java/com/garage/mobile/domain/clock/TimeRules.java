package com.garage.mobile.domain.clock;

import com.garage.mobile.domain.job.ApprovalStatus;
import com.garage.mobile.domain.job.EstimateLine;
import com.garage.mobile.domain.job.LineKind;
import com.garage.mobile.domain.problem.ProblemException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The rules of time on job, free of any store: bounds of device times, overlaps, totals. */
public final class TimeRules {

    private TimeRules() {
    }

    /**
     * A device's time must not lie in the future (beyond the allowed skew) nor before the oldest
     * write an app may still hold queued.
     */
    public static void requireBounded(String field, Instant deviceTime, Instant now, Duration skew,
            Duration retention) {
        if (deviceTime.isAfter(now.plus(skew))) {
            throw ProblemException.invalidField(field, "is in the future (server time " + now + ")");
        }
        if (deviceTime.isBefore(now.minus(retention))) {
            throw ProblemException.invalidField(field, "is older than the " + retention.toDays()
                    + " days queued writes are kept");
        }
    }

    /** The first of the technician's other spans that shares an instant with {@code [start, end)}. */
    public static Optional<Span> clash(Collection<Span> others, UUID self, Instant start, Instant end) {
        return others.stream().filter(other -> !other.id().equals(self))
                .filter(other -> other.overlaps(start, end)).findFirst();
    }

    /** The labour the estimate allows, in minutes: LABOUR lines (hours) the customer has not declined. */
    public static int estimateMinutes(List<EstimateLine> lines) {
        BigDecimal hours = lines.stream()
                .filter(line -> line.kind == LineKind.LABOUR && line.approvalStatus != ApprovalStatus.DECLINED)
                .map(line -> line.quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        return hours.multiply(BigDecimal.valueOf(60)).setScale(0, RoundingMode.HALF_UP).intValueExact();
    }

    /** A job's worked and paused time, whole and per step, with running spans counted up to {@code now}. */
    public static JobTime totals(List<Span> spans, int estimateMinutes, Instant now) {
        Map<UUID, Duration[]> steps = new LinkedHashMap<>();
        Duration worked = Duration.ZERO;
        Duration paused = Duration.ZERO;
        for (Span span : spans) {
            Duration length = span.length(now);
            boolean work = span.kind() == EntryKind.WORK;
            if (work) {
                worked = worked.plus(length);
            } else {
                paused = paused.plus(length);
            }
            if (span.stepId() != null) {
                Duration[] step = steps.computeIfAbsent(span.stepId(), id -> new Duration[] {Duration.ZERO, Duration.ZERO});
                step[work ? 0 : 1] = step[work ? 0 : 1].plus(length);
            }
        }
        List<JobTime.StepTime> perStep = steps.entrySet().stream().map(step -> new JobTime.StepTime(step.getKey(),
                step.getValue()[0].toMinutes(), step.getValue()[1].toMinutes())).toList();
        boolean overrun = estimateMinutes > 0 && worked.compareTo(Duration.ofMinutes(estimateMinutes)) > 0;
        return new JobTime(worked.toMinutes(), paused.toMinutes(), estimateMinutes, overrun, perStep);
    }
}
