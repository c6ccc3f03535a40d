package com.garage.mobile.domain.chat;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A job's conversation (customer and workshop channels) or a customer's general one (no job).
 * Opened by the database when the job or the customer is created.
 */
@Entity
@Table(name = "chat_conversation")
public class Conversation extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "garage_id")
    public UUID garageId;
    @Column(name = "customer_id")
    public UUID customerId;
    /** Null for the customer's general conversation. */
    @Column(name = "job_id")
    public UUID jobId;
    @Column(name = "customer_last_seq")
    public long customerLastSeq;
    @Column(name = "workshop_last_seq")
    public long workshopLastSeq;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "customer_last_at")
    public Instant customerLastAt;

    public boolean isGeneral() {
        return jobId == null;
    }

    public long lastSeq(ChatChannel channel) {
        return channel == ChatChannel.CUSTOMER ? customerLastSeq : workshopLastSeq;
    }

    /** Takes the channel's next sequence number; the caller holds the row lock. */
    long nextSeq(ChatChannel channel, Instant at) {
        updatedAt = at;
        if (channel == ChatChannel.CUSTOMER) {
            customerLastAt = at;
            return ++customerLastSeq;
        }
        return ++workshopLastSeq;
    }
}
