package com.garage.mobile.domain.inspection;

import com.garage.mobile.domain.tenancy.GarageOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One item of an inspection, copied from its template, with what the technician found. */
@Entity
@Table(name = "inspection_item")
public class InspectionItem extends GarageOwnedEntity {
    @Column(name = "inspection_id")
    public UUID inspectionId;
    @Column(name = "job_id")
    public UUID jobId;
    public int position;
    public String section;
    @Column(name = "item_key")
    public String key;
    public String label;
    @Column(name = "customer_visible")
    public boolean customerVisible;
    @Convert(converter = JsonLists.MeasurementSpecs.class)
    @Column(name = "measurement_specs")
    public List<MeasurementSpec> measurementSpecs;
    /** Values by measurement key, in the unit of the spec. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, BigDecimal> measurements;
    /** Null until inspected. */
    @Enumerated(EnumType.STRING)
    public ItemCondition condition;
    public String note;
    @Column(name = "previous_item_id")
    public UUID previousItemId;
    @Column(name = "inspected_by")
    public UUID inspectedBy;

    /** What the measured values suggest, if any value was measured against a threshold. */
    public ItemCondition suggestedCondition() {
        return MeasurementThresholds.suggest(measurementSpecs, measurements).orElse(null);
    }
}
