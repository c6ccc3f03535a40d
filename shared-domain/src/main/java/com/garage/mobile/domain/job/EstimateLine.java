package com.garage.mobile.domain.job;

import com.garage.mobile.domain.tenancy.GarageOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

/** A priced line of a job's estimate that the customer approves or declines. Money in minor units. */
@Entity
@Table(name = "estimate_line")
public class EstimateLine extends GarageOwnedEntity {
    @Column(name = "job_id")
    public UUID jobId;
    public int position;
    @Enumerated(EnumType.STRING)
    public LineKind kind;
    public String description;
    @Column(name = "part_number")
    public String partNumber;
    /** The catalogue part a PART line was taken from, so a return restocks it; null for lines typed in. */
    @Column(name = "part_id")
    public UUID partId;
    /** Hours for labour, units for parts. */
    public BigDecimal quantity;
    @Column(name = "unit_price_minor")
    public long unitPriceMinor;
    /** What the part cost the garage: internal, never shown to a customer. */
    @Column(name = "cost_price_minor")
    public Long costPriceMinor;
    @Column(name = "tax_rate_bp")
    public int taxRateBp;
    @Enumerated(EnumType.STRING)
    @Column(name = "approval_status")
    public ApprovalStatus approvalStatus;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Enumerated(EnumType.STRING)
    public LineNecessity necessity = LineNecessity.REQUIRED;
    /** The inspection finding a recommended line comes from. */
    @Column(name = "inspection_item_id")
    public UUID inspectionItemId;
    /** A line the advisor has yet to price: the customer does not see it. */
    @Column(name = "awaiting_price")
    public boolean awaitingPrice;
    /** What the customer said with their decision, for the advisor. */
    @Column(name = "decision_note")
    public String decisionNote;

    /** Quantity times unit price, rounded half-up to the minor unit. */
    public long netMinor() {
        return quantity.multiply(BigDecimal.valueOf(unitPriceMinor)).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    public long taxMinor() {
        return BigDecimal.valueOf(netMinor()).multiply(BigDecimal.valueOf(taxRateBp))
                .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP).longValueExact();
    }

    public long grossMinor() {
        return netMinor() + taxMinor();
    }
}
