package com.garage.mobile.domain.inspection;

import com.garage.mobile.domain.tenancy.GarageOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The inspection of one job's vehicle, made from a template at one of its versions. */
@Entity
@Table(name = "inspection")
public class Inspection extends GarageOwnedEntity {
    @Column(name = "job_id")
    public UUID jobId;
    @Column(name = "vehicle_id")
    public UUID vehicleId;
    @Column(name = "template_id")
    public UUID templateId;
    @Column(name = "template_version")
    public long templateVersion;
    @Enumerated(EnumType.STRING)
    public InspectionStatus status;
    @Column(name = "started_by")
    public UUID startedBy;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "published_by")
    public UUID publishedBy;
}
