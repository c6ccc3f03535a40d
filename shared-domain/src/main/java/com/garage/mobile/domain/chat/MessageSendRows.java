package com.garage.mobile.domain.chat;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditEntry;
import com.garage.mobile.domain.audit.AuditInsert;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.LockMode;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The rows of one send, in two statements of the sender's transaction: one locks the conversation
 * and reads what the send decides on, one writes what was decided — the channel's counter, the
 * message (its triggers write the live event, the sync log and the pending push), the sender's read
 * cursor and the audit entry. Every send then costs the same round trips to PostgreSQL, whoever sends.
 */
@ApplicationScoped
class MessageSendRows {

    // HQL, as Hibernate Reactive makes a new plan on every run of a native select (docs/performance.md, seventeenth
    // step). The conversation is locked "for no key update of c", which orders two sends as "for update" did.
    private static final String LOCK = """
            select c.customerId, c.jobId, c.customerLastSeq, c.workshopLastSeq,
                exists (select 1 from JobAssignment a where a.jobId = c.jobId and a.technicianId = :person),
                exists (select 1 from ChatParticipant p where p.conversationId = c.id and p.staffId = :person),
                exists (select 1 from ChatMessage m where m.id = :message),
                exists (select 1 from ResponseClock r where r.conversationId = c.id and r.awaiting is not null)
            from Conversation c
            where c.id = :conversation and c.garageId = :garage""";

    // The cursor moves forward only, as ReadCursor.advance: a later read on another device stays.
    private static final String WRITE = """
            with conversation as (
                update chat_conversation set customer_last_seq = :customerSeq, workshop_last_seq = :workshopSeq,
                    updated_at = :at,
                    customer_last_at = case when cast(:channel as text) = 'CUSTOMER' then :at else customer_last_at end
                where id = :conversation),
            cursor as (
                insert into chat_read_cursor as cur (conversation_id, channel, person_id, garage_id, delivered_seq,
                    read_seq, updated_at)
                values (:conversation, :channel, :author, :garage, :seq, :seq, :at)
                on conflict (conversation_id, channel, person_id) do update
                set delivered_seq = greatest(cur.delivered_seq, excluded.delivered_seq),
                    read_seq = greatest(cur.read_seq, excluded.read_seq),
                    updated_at = case when cur.read_seq < excluded.read_seq
                        or cur.delivered_seq < excluded.delivered_seq then excluded.updated_at else cur.updated_at end),
            %s
            insert into chat_message (id, garage_id, conversation_id, channel, seq, kind, author_id, author_role,
                author_name, body, quick_reply, attachments, sent_at)
            values (:message, :garage, :conversation, :channel, :seq, :kind, :author, :role, :authorName,
                cast(:body as text), cast(:quickReply as text), :attachments, :at)""".formatted(AuditInsert.CTE);

    private static final ChatAttachment.ListColumn ATTACHMENTS = new ChatAttachment.ListColumn();

    /** The conversation of the actor's garage, locked for the rest of the transaction; null if there is none. */
    Uni<SendingConversation> lock(Actor actor, UUID conversationId, UUID messageId) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(LOCK, Object[].class)
                        .setLockMode("c", LockMode.PESSIMISTIC_WRITE)
                        .setParameter("conversation", conversationId).setParameter("garage", actor.garageId())
                        .setParameter("person", actor.personId()).setParameter("message", messageId)
                        .getResultList())
                .map(rows -> rows.isEmpty() ? null : sending(conversationId, actor.garageId(), rows.getFirst()));
    }

    /** Writes the message with its channel's new number (already taken on the conversation), cursor and audit entry. */
    Uni<Void> write(Conversation conversation, ChatMessage message, AuditEntry audit) {
        return Panache.getSession().chain(session -> {
            Mutiny.Query<Object> query = session.createNativeQuery(WRITE)
                    .setParameter("conversation", conversation.id).setParameter("garage", conversation.garageId)
                    .setParameter("customerSeq", conversation.customerLastSeq)
                    .setParameter("workshopSeq", conversation.workshopLastSeq)
                    .setParameter("channel", message.channel.name()).setParameter("seq", message.seq)
                    .setParameter("message", message.id).setParameter("kind", message.kind.name())
                    .setParameter("author", message.authorId).setParameter("role", message.authorRole)
                    .setParameter("authorName", message.authorName).setParameter("body", message.body)
                    .setParameter("quickReply", message.quickReply != null ? message.quickReply.name() : null)
                    .setParameter("attachments", ATTACHMENTS.convertToDatabaseColumn(message.attachments))
                    .setParameter("at", message.sentAt);
            AuditInsert.bind(query, audit);
            return query.executeUpdate();
        }).replaceWithVoid();
    }

    private static SendingConversation sending(UUID id, UUID garageId, Object[] row) {
        Conversation conversation = new Conversation();
        conversation.id = id;
        conversation.garageId = garageId;
        conversation.customerId = (UUID) row[0];
        conversation.jobId = (UUID) row[1];
        conversation.customerLastSeq = ((Number) row[2]).longValue();
        conversation.workshopLastSeq = ((Number) row[3]).longValue();
        return new SendingConversation(conversation, (Boolean) row[4], (Boolean) row[5], (Boolean) row[6],
                (Boolean) row[7]);
    }
}
