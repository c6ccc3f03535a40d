package com.garage.mobile.domain.job;

import com.garage.mobile.domain.tenancy.GarageOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One step of the work on a job, in the order the technician does them. */
@Entity
@Table(name = "job_step")
public class JobStep extends GarageOwnedEntity {
    @Column(name = "job_id")
    public UUID jobId;
    public int position;
    public String title;
    @Enumerated(EnumType.STRING)
    public StepStatus status;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "completed_by")
    public UUID completedBy;
}
