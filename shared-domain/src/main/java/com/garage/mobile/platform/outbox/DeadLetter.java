package com.garage.mobile.platform.outbox;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Outbound work that failed for good, as an admin of its garage sees it.
 *
 * @param workId  the item in the outbox
 * @param summary what the kind's handler shows of the item (never secrets)
 * @param reason  why it failed for good: the remote's last answer or the outage that outlasted it
 */
public record DeadLetter(UUID id, long workId, String kind, Map<String, Object> summary, String reason, int attempts,
        Instant deadAt, Instant replayedAt, String replayedBy) {
}
