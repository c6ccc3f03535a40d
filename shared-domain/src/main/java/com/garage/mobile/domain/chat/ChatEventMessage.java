package com.garage.mobile.domain.chat;

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
 * A committed change of a chat channel as it travels between pods: a message sent, edited or
 * deleted, a read cursor moved. {@code id} comes from the live channel's one sequence; who may
 * receive it ({@code customerId} for the customer channel, {@code technicianIds}, the garage's
 * advisors and admins) was fixed when it was written.
 *
 * @param type    {@code chat.message}, {@code chat.message-edited}, {@code chat.message-deleted}, {@code chat.read}
 * @param payload the message as stored (or the cursor), as the apps receive it
 */
// Jackson (de)serialises it for the Redis stream, outside any REST signature that Quarkus registers for native.
@RegisterForReflection
public record ChatEventMessage(long id, UUID garageId, UUID conversationId, ChatChannel channel, UUID customerId,
        List<UUID> technicianIds, String type, Map<String, Object> payload, Instant occurredAt) {

    /** The columns {@link #of(Row)} reads. */
    public static final String COLUMNS = "id, garage_id, conversation_id, channel, customer_id, technician_ids, type,"
            + " payload, occurred_at";

    public static ChatEventMessage of(Row row) {
        return new ChatEventMessage(row.getLong("id"), row.getUUID("garage_id"), row.getUUID("conversation_id"),
                ChatChannel.valueOf(row.getString("channel")), row.getUUID("customer_id"),
                Arrays.asList(row.getArrayOfUUIDs("technician_ids")), row.getString("type"),
                row.getJsonObject("payload").getMap(),
                row.getOffsetDateTime("occurred_at").withOffsetSameInstant(ZoneOffset.UTC).toInstant());
    }

    /** The same rule as reading the channel over REST, as it stood when the change was made. */
    public boolean visibleTo(Actor actor) {
        return new ChatAudience(garageId, channel, customerId, technicianIds).includes(actor);
    }
}
