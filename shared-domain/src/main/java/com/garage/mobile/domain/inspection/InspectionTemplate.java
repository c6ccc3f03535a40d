package com.garage.mobile.domain.inspection;

import com.garage.mobile.domain.tenancy.GarageOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;

/** A garage's checklist for inspections: sections of items, some with measurements. Each edit bumps its version. */
@Entity
@Table(name = "inspection_template")
public class InspectionTemplate extends GarageOwnedEntity {
    public String name;
    @Convert(converter = JsonLists.Sections.class)
    public List<TemplateSection> sections;
    @Column(name = "created_by")
    public UUID createdBy;
}
