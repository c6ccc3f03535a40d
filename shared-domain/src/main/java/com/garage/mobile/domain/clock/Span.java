package com.garage.mobile.domain.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A time entry as the rules see it: half-open {@code [start, end)}, {@code end} null while it runs.
 */
public record Span(UUID id, UUID jobId, UUID stepId, EntryKind kind, Instant start, Instant end) {

    /** Whether the two spans share any instant; a running span reaches into the future. */
    public boolean overlaps(Instant otherStart, Instant otherEnd) {
        boolean otherEndsAfterThisStarts = otherEnd == null || otherEnd.isAfter(start);
        boolean thisEndsAfterOtherStarts = end == null || end.isAfter(otherStart);
        boolean eitherEmpty = (end != null && end.equals(start)) || (otherEnd != null && otherEnd.equals(otherStart));
        return !eitherEmpty && otherEndsAfterThisStarts && thisEndsAfterOtherStarts;
    }

    /** How long it lasted, or has lasted until {@code now} while running. */
    public Duration length(Instant now) {
        Instant until = end != null ? end : now;
        return until.isAfter(start) ? Duration.between(start, until) : Duration.ZERO;
    }
}
