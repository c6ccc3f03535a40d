package com.garage.mobile.domain.inspection;

import com.garage.mobile.domain.tenancy.GarageOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A garage's checklist for inspections: sections of items, some with measurements. Each edit bumps its version. */
@Entity
@Table(name = "inspection_template")
public class InspectionTemplate extends GarageOwnedEntity {
    public String name;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<TemplateSection> sections;
    @Column(name = "created_by")
    public UUID createdBy;
}
