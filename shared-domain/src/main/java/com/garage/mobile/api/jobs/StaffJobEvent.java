package com.garage.mobile.api.jobs;

import com.garage.mobile.domain.event.JobEventMessage;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Map;
import java.util.UUID;

/**
 * A change to a job on the board, as staff see it: the event's full payload and the role of whoever
 * made it.
 *
 * @param seq the event's place in this job's history
 */
@RegisterForReflection
public record StaffJobEvent(UUID jobId, int seq, String event, String actorRole, Map<String, Object> data) {

    static StaffJobEvent of(JobEventMessage event) {
        return new StaffJobEvent(event.jobId(), event.seq(), event.type(), event.actorRole(), event.payload());
    }
}
