package com.garage.mobile.domain.job;

import com.garage.mobile.domain.event.JobEventMessage;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One change on a job's timeline, and the outbox row that carries it to other pods and devices.
 * Never updated as an entity: only {@code published_at} changes, in SQL.
 */
@Entity
@Immutable
@Table(name = "job_event")
public class JobEvent extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "garage_id")
    public UUID garageId;
    @Column(name = "job_id")
    public UUID jobId;
    /** Monotonic per job, starting at 1. */
    public int seq;
    public String type;
    @Column(name = "customer_visible")
    public boolean customerVisible;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> payload;
    @Column(name = "actor_subject")
    public String actorSubject;
    @Column(name = "actor_role")
    public String actorRole;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Column(name = "published_at")
    public Instant publishedAt;
    /** The job's customer when the event was written. */
    @Column(name = "customer_id")
    public UUID customerId;
    /** The technicians assigned when the event was written, by id. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "technician_ids")
    public UUID[] technicianIds;

    /** This event as it travels between pods once committed. */
    public JobEventMessage message() {
        return new JobEventMessage(id, garageId, jobId, seq, type, customerVisible, payload, actorRole, occurredAt,
                customerId, List.of(technicianIds));
    }
}
