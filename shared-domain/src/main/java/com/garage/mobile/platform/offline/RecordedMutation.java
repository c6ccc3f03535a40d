package com.garage.mobile.platform.offline;

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
 * What {@link MutationLedger} reads back of a recorded mutation (it writes the row itself). Mapped so
 * that the read is a query Hibernate keeps a plan for; a native select makes a new plan on every run.
 */
@Entity
@Immutable
@Table(name = "sync_mutation")
@IdClass(RecordedMutation.Key.class)
public class RecordedMutation extends PanacheEntityBase {
    @Id
    @Column(name = "person_id")
    public UUID personId;
    @Id
    @Column(name = "client_mutation_id")
    public UUID clientMutationId;
    @Column(name = "request_hash")
    public String requestHash;
    @Formula("cast(result as text)")
    public String result;

    /** The composite key: a person's mutation ids are theirs alone. */
    public record Key(UUID personId, UUID clientMutationId) implements Serializable {
    }
}
