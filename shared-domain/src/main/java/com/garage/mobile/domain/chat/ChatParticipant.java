package com.garage.mobile.domain.chat;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A technician an advisor added to a conversation: they then see its customer channel too. */
@Entity
@Table(name = "chat_participant")
@IdClass(ChatParticipant.Key.class)
public class ChatParticipant extends PanacheEntityBase {
    @Id
    @Column(name = "conversation_id")
    public UUID conversationId;
    @Id
    @Column(name = "staff_id")
    public UUID staffId;
    @Column(name = "garage_id")
    public UUID garageId;
    @Column(name = "added_by")
    public UUID addedBy;
    @Column(name = "added_at")
    public Instant addedAt;

    /** The composite key: one row per conversation and technician. */
    public record Key(UUID conversationId, UUID staffId) implements Serializable {
    }
}
