package com.garage.mobile.domain.event;

import com.garage.mobile.domain.access.Actor;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A committed job event as it travels between pods. {@code id} is the outbox row's id: receivers
 * dedupe by it; {@code seq} orders the events of one job. {@code customerId} and
 * {@code technicianIds} say who may receive it, as fixed when it was written.
 */
// Jackson (de)serialises it for the Redis stream, outside any REST signature that Quarkus registers for native.
@RegisterForReflection
public record JobEventMessage(long id, UUID garageId, UUID jobId, int seq, String type, boolean customerVisible,
        Map<String, Object> payload, String actorRole, Instant occurredAt, UUID customerId,
        List<UUID> technicianIds) {

    /** The columns {@link #of(Row)} reads. */
    public static final String COLUMNS = "id, garage_id, job_id, seq, type, customer_visible, payload, actor_role,"
            + " occurred_at, customer_id, technician_ids";

    public static JobEventMessage of(Row row) {
        return new JobEventMessage(row.getLong("id"), row.getUUID("garage_id"), row.getUUID("job_id"),
                row.getInteger("seq"), row.getString("type"), row.getBoolean("customer_visible"),
                row.getJsonObject("payload").getMap(), row.getString("actor_role"),
                row.getOffsetDateTime("occurred_at").withOffsetSameInstant(ZoneOffset.UTC).toInstant(),
                row.getUUID("customer_id"), Arrays.asList(row.getArrayOfUUIDs("technician_ids")));
    }

    /**
     * Whether the actor may receive this event, as they may read its job over REST: advisors and
     * admins their whole garage, technicians the jobs they were assigned to when it happened,
     * customers the customer-visible events of their own jobs.
     */
    public boolean visibleTo(Actor actor) {
        if (!garageId.equals(actor.garageId())) {
            return false;
        }
        return switch (actor.role()) {
            case ADVISOR, ADMIN -> true;
            case TECHNICIAN -> technicianIds.contains(actor.personId());
            case CUSTOMER -> customerVisible && actor.personId().equals(customerId);
            case SYSTEM -> false;
        };
    }
}
