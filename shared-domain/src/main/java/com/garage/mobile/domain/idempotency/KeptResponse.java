package com.garage.mobile.domain.idempotency;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.Immutable;

/**
 * What {@link IdempotencyKeys} reads back of a used key to replay its answer (it writes the row itself).
 * Mapped so that the read is a query Hibernate keeps a plan for; a native select makes a new plan on every run.
 */
@Entity
@Immutable
@Table(name = "idempotency_key")
@IdClass(KeptResponse.Key.class)
public class KeptResponse extends PanacheEntityBase {
    @Id
    @Column(name = "garage_id")
    public UUID garageId;
    @Id
    @Column(name = "actor_subject")
    public String actorSubject;
    @Id
    @Column(name = "key")
    public String key;
    public String operation;
    @Column(name = "request_hash")
    public String requestHash;
    @Column(name = "response_status")
    public Integer responseStatus;
    @Formula("cast(response_body as text)")
    public String responseBody;

    /** The composite key: a key is the actor's own within their garage. */
    public record Key(UUID garageId, String actorSubject, String key) implements Serializable {
    }
}
