package com.garage.mobile.technician.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.garage.mobile.domain.job.JobStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BoardCardViewTest {

    private static final Instant NOW = Instant.parse("2026-12-05T09:00:00Z");

    @Test
    void aJobIsDueByItsPromiseUntilItIsReadyOrFinished() {
        Instant promise = NOW.plusSeconds(3600);
        assertEquals(promise, BoardCardView.dueBy(JobStatus.IN_PROGRESS, promise));
        assertNull(BoardCardView.dueBy(JobStatus.READY_FOR_PICKUP, promise));
        assertNull(BoardCardView.dueBy(JobStatus.CLOSED, promise));
        assertNull(BoardCardView.dueBy(JobStatus.IN_PROGRESS, null));
    }

    @Test
    void aBoardIsRightUntilTheNextPromiseFallsDue() {
        var board = List.of(card(JobStatus.IN_PROGRESS, NOW.minusSeconds(600)),
                card(JobStatus.READY_FOR_PICKUP, NOW.plusSeconds(60)),
                card(JobStatus.IN_PROGRESS, NOW.plusSeconds(1800)),
                card(JobStatus.IN_PROGRESS, NOW.plusSeconds(900)),
                card(JobStatus.IN_PROGRESS, null));

        assertEquals(NOW.plusSeconds(900), BoardCardView.rightUntil(board, NOW));
        assertEquals(NOW, BoardCardView.rightUntil(List.of(card(JobStatus.IN_PROGRESS, NOW)), NOW));
    }

    @Test
    void aBoardWithNoPromiseLeftToFallDueIsRightUntilItChanges() {
        assertNull(BoardCardView.rightUntil(List.of(card(JobStatus.IN_PROGRESS, NOW.minusSeconds(1)),
                card(JobStatus.CLOSED, NOW.plusSeconds(60))), NOW));
        assertNull(BoardCardView.rightUntil(List.of(), NOW));
    }

    private static BoardCardView card(JobStatus status, Instant promisedAt) {
        return new BoardCardView(UUID.randomUUID(), 1, status, 0, promisedAt, false, "Noise", null, "Carl Jensen",
                0, 0, 0);
    }
}
