package com.garage.mobile.domain.chat.escalation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One staff answer to a waiting customer: how long it took in business time, and whether past its target. */
@Entity
@Table(name = "chat_response")
public class ChatResponse extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "garage_id")
    public UUID garageId;
    @Column(name = "conversation_id")
    public UUID conversationId;
    @Enumerated(EnumType.STRING)
    public ResponseKind kind;
    @Enumerated(EnumType.STRING)
    public ChatPriority priority;
    @Column(name = "asked_at")
    public Instant askedAt;
    @Column(name = "answered_at")
    public Instant answeredAt;
    @Column(name = "answered_by")
    public UUID answeredBy;
    @Column(name = "response_seconds")
    public long responseSeconds;
    @Column(name = "target_seconds")
    public long targetSeconds;
    public boolean breached;
}
