package com.garage.mobile.domain.job;

import com.garage.mobile.domain.tenancy.GarageOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.UUID;

/** A note on a job written by staff, internal or shared with the customer. */
@Entity
@Table(name = "job_note")
public class JobNote extends GarageOwnedEntity {
    @Column(name = "job_id")
    public UUID jobId;
    @Column(name = "author_staff_id")
    public UUID authorStaffId;
    @Enumerated(EnumType.STRING)
    public NoteVisibility visibility;
    public String body;
}
