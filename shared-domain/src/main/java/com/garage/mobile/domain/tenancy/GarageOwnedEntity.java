package com.garage.mobile.domain.tenancy;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A mutable row that belongs to one garage: its id, its garage, its version and its times. */
@MappedSuperclass
public abstract class GarageOwnedEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "garage_id")
    public UUID garageId;
    /** Bumped by every update; clients send it back to prove what their change was based on. */
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
