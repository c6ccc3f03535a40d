package com.garage.mobile.domain.parts;

import com.garage.mobile.domain.tenancy.GarageOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** A part the shelf lacks, asked for from the bay for the advisor to order: a catalogue part or a description. */
@Entity
@Table(name = "part_request")
public class PartRequest extends GarageOwnedEntity {
    @Column(name = "job_id")
    public UUID jobId;
    @Column(name = "part_id")
    public UUID partId;
    public String description;
    public BigDecimal quantity;
    public String note;
    @Enumerated(EnumType.STRING)
    public PartRequestStatus status;
    @Column(name = "requested_by")
    public UUID requestedBy;
}
