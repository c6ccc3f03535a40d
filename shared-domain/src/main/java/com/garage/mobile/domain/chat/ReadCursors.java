package com.garage.mobile.domain.chat;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.audit.AuditedAction;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.time.GarageClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Delivered and read cursors: an app says how far it has received and shown a channel; the others
 * in the channel hear of it live ({@code chat.read}). Sending a message reads the channel up to it.
 */
@ApplicationScoped
public class ReadCursors {

    public static final String READ = "chat.read";
    private static final String EVENT = """
            insert into chat_event (garage_id, conversation_id, channel, customer_id, technician_ids, type, payload,
                occurred_at)
            values (:garage, :conversation, :channel, :customer, chat_channel_technicians(:conversation, :channel),
                'chat.read', jsonb_build_object('channel', cast(:channel as text), 'deliveredSeq',
                    cast(:delivered as bigint), 'readSeq', cast(:read as bigint), 'personId', cast(:person as uuid),
                    'authorRole', cast(:role as text)), :at)""";

    private final ConversationAccess access;
    private final AuditTrail audit;
    private final AuditedAction audited;
    private final GarageClock clock;
    private final ChatEventPublisher publisher;

    public ReadCursors(ConversationAccess access, AuditTrail audit, AuditedAction audited, GarageClock clock,
            ChatEventPublisher publisher) {
        this.access = access;
        this.audit = audit;
        this.audited = audited;
        this.clock = clock;
        this.publisher = publisher;
    }

    /** Moves the actor's cursor of the channel forward; numbers past the channel's last message are refused. */
    public Uni<ReadCursor> mark(Actor actor, UUID conversationId, ChatChannel channel, long delivered, long read) {
        return audited.run(actor, READ, "chat-conversation", conversationId,
                        () -> move(actor, conversationId, channel, delivered, read))
                .call(() -> publisher.publishPending(conversationId));
    }

    /** The same move as an offline write, in the caller's transaction (the relay publishes the event). */
    @WithTransaction
    public Uni<ReadCursor> move(Actor actor, UUID conversationId, ChatChannel channel, long delivered, long read) {
        return access.requireChannel(actor, conversationId, channel).chain(conversation -> {
            long last = conversation.lastSeq(channel);
            if (delivered > last || read > last) {
                throw ProblemException.invalidField(read > last ? "read" : "delivered",
                        "is past the channel's last message (" + last + ")");
            }
            return cursorOf(conversation, channel, actor.personId()).chain(cursor -> {
                Instant now = clock.now();
                if (!cursor.advance(delivered, read, now)) {
                    return cursor.<ReadCursor>persist();
                }
                return cursor.<ReadCursor>persist().call(() -> announce(actor, conversation, channel, cursor, now));
            });
        });
    }

    private static Uni<ReadCursor> cursorOf(Conversation conversation, ChatChannel channel, UUID personId) {
        return ReadCursor.<ReadCursor>findById(new ReadCursor.Key(conversation.id, channel, personId))
                .map(found -> found != null ? found : ReadCursor.start(conversation, channel, personId));
    }

    private Uni<Void> announce(Actor actor, Conversation conversation, ChatChannel channel, ReadCursor cursor,
            Instant now) {
        Map<String, Object> detail = Map.of("channel", channel.name(), "deliveredSeq", cursor.deliveredSeq,
                "readSeq", cursor.readSeq);
        return Panache.getSession().chain(session -> session.flush().chain(() -> session.createNativeQuery(EVENT)
                        .setParameter("garage", conversation.garageId).setParameter("conversation", conversation.id)
                        .setParameter("channel", channel.name()).setParameter("customer", conversation.customerId)
                        .setParameter("delivered", cursor.deliveredSeq).setParameter("read", cursor.readSeq)
                        .setParameter("person", actor.personId()).setParameter("role", actor.role().claimValue())
                        .setParameter("at", now).executeUpdate()))
                .call(() -> audit.record(actor, READ, "chat-conversation", conversation.id, AuditOutcome.SUCCESS,
                        detail, now))
                .replaceWithVoid();
    }
}
