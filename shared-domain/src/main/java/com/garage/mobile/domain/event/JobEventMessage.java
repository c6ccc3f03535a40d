package com.garage.mobile.domain.event;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A committed job event as it travels between pods. {@code id} is the outbox row's id: receivers
 * dedupe by it; {@code seq} orders the events of one job.
 */
// Jackson (de)serialises it for the Redis stream, outside any REST signature that Quarkus registers for native.
@RegisterForReflection
public record JobEventMessage(long id, UUID garageId, UUID jobId, int seq, String type, boolean customerVisible,
        Map<String, Object> payload, String actorRole, Instant occurredAt) {

    public static JobEventMessage of(JobEvent event) {
        return new JobEventMessage(event.id, event.garageId, event.jobId, event.seq, event.type,
                event.customerVisible, event.payload, event.actorRole, event.occurredAt);
    }
}
