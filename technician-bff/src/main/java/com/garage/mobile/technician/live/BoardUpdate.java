package com.garage.mobile.technician.live;

import com.garage.mobile.domain.event.JobEventMessage;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A change to a job on the board, as staff see it: the event's full payload and the role of whoever
 * made it.
 *
 * @param eventId dedupe by it, and send the last one back as {@code lastEventId} on reconnect
 * @param seq     the event's place in this job's history
 */
@RegisterForReflection
public record BoardUpdate(String type, long eventId, UUID jobId, int seq, String event, Instant occurredAt,
        String actorRole, Map<String, Object> data) {

    static BoardUpdate of(JobEventMessage event) {
        return new BoardUpdate("job-event", event.id(), event.jobId(), event.seq(), event.type(), event.occurredAt(),
                event.actorRole(), event.payload());
    }
}
