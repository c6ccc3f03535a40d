package com.garage.mobile.domain.job;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A technician assigned to work on a job. */
@Entity
@Table(name = "job_assignment")
@IdClass(JobAssignment.Key.class)
public class JobAssignment extends PanacheEntityBase {
    @Id
    @Column(name = "job_id")
    public UUID jobId;
    @Id
    @Column(name = "technician_id")
    public UUID technicianId;
    @Column(name = "garage_id")
    public UUID garageId;
    @Column(name = "assigned_at")
    public Instant assignedAt;

    /** The composite key: one row per job and technician. */
    public record Key(UUID jobId, UUID technicianId) implements Serializable {
    }
}
