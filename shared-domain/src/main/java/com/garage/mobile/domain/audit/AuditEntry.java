package com.garage.mobile.domain.audit;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One mobile action in the append-only audit trail. It is written pending; soon after its write commits,
 * {@link AuditSequencer} chains it to the garage's previous entry ({@code chainPosition}, {@code prevHash},
 * {@code hash}).
 */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "garage_id")
    public UUID garageId;
    @Column(name = "actor_subject")
    public String actorSubject;
    @Column(name = "actor_role")
    public String actorRole;
    /** How the change reached us: {@code app}, {@code webhook}, {@code scheduler} or {@code admin}. */
    public String channel;
    @Column(name = "device_id")
    public String deviceId;
    @Column(name = "client_ip")
    public String clientIp;
    @Column(name = "request_id")
    public String requestId;
    public String action;
    @Column(name = "resource_type")
    public String resourceType;
    @Column(name = "resource_id")
    public String resourceId;
    @Enumerated(EnumType.STRING)
    public AuditOutcome outcome;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> detail;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Column(name = "chain_position", insertable = false, updatable = false)
    public Long chainPosition;
    @Column(name = "prev_hash", insertable = false, updatable = false)
    public String prevHash;
    @Column(name = "hash", insertable = false, updatable = false)
    public String hash;
}
