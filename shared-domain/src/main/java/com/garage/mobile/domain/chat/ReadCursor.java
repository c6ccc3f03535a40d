package com.garage.mobile.domain.chat;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** How far one person has received and read one channel; both only move forward. */
@Entity
@Table(name = "chat_read_cursor")
@IdClass(ReadCursor.Key.class)
public class ReadCursor extends PanacheEntityBase {
    @Id
    @Column(name = "conversation_id")
    public UUID conversationId;
    @Id
    @Enumerated(EnumType.STRING)
    public ChatChannel channel;
    @Id
    @Column(name = "person_id")
    public UUID personId;
    @Column(name = "garage_id")
    public UUID garageId;
    @Column(name = "delivered_seq")
    public long deliveredSeq;
    @Column(name = "read_seq")
    public long readSeq;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The composite key: one row per conversation, channel and person. */
    public record Key(UUID conversationId, ChatChannel channel, UUID personId) implements Serializable {
    }

    static ReadCursor start(Conversation conversation, ChatChannel channel, UUID personId) {
        ReadCursor cursor = new ReadCursor();
        cursor.conversationId = conversation.id;
        cursor.channel = channel;
        cursor.personId = personId;
        cursor.garageId = conversation.garageId;
        return cursor;
    }

    /** Moves forward to these numbers (delivered never behind read); whether anything moved. */
    boolean advance(long delivered, long read, Instant at) {
        long newRead = Math.max(readSeq, read);
        long newDelivered = Math.max(Math.max(deliveredSeq, delivered), newRead);
        boolean moved = newRead != readSeq || newDelivered != deliveredSeq;
        readSeq = newRead;
        deliveredSeq = newDelivered;
        if (moved || updatedAt == null) {
            updatedAt = at;
        }
        return moved;
    }
}
