package com.garage.mobile.domain.chat.escalation;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Escalation on the chat topic: staff matters, so each is a chat event of the conversation's staff
 * side (channel {@code WORKSHOP}: the garage's advisors and admins, the technicians on the job or
 * added), never shown to the customer. Written in the change's transaction, like every chat event.
 */
public final class EscalationEvents {

    public static final String PRIORITY_CHANGED = "chat.priority-changed";
    public static final String ASSIGNED = "chat.assigned";
    public static final String WARNING = "chat.response-warning";
    public static final String BREACHED = "chat.response-breached";

    /** The event as the sweep writes it on a SQL client connection: $1 conversation, $2 type, $3 payload, $4 at. */
    public static final String INSERT = """
            insert into chat_event (garage_id, conversation_id, channel, customer_id, technician_ids, type, payload,
                occurred_at)
            select c.garage_id, c.id, 'WORKSHOP', c.customer_id, chat_channel_technicians(c.id, 'WORKSHOP'), $2,
                cast(cast($3 as text) as jsonb), $4
            from chat_conversation c where c.id = $1""";
    private static final String NATIVE_INSERT = """
            insert into chat_event (garage_id, conversation_id, channel, customer_id, technician_ids, type, payload,
                occurred_at)
            select c.garage_id, c.id, 'WORKSHOP', c.customer_id, chat_channel_technicians(c.id, 'WORKSHOP'), :type,
                cast(cast(:payload as text) as jsonb), :at
            from chat_conversation c where c.id = :conversation""";

    private EscalationEvents() {
    }

    /** Writes the event in the current Hibernate Reactive transaction. */
    static Uni<Void> write(UUID conversationId, String type, Map<String, Object> payload, Instant at) {
        return Panache.getSession().chain(session -> session.flush().chain(() -> session
                .createNativeQuery(NATIVE_INSERT).setParameter("conversation", conversationId)
                .setParameter("type", type).setParameter("payload", new JsonObject(payload).encode())
                .setParameter("at", at).executeUpdate())).replaceWithVoid();
    }
}
