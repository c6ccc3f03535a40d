package com.garage.mobile.domain.parts;

import com.garage.mobile.domain.tenancy.GarageOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A part of the garage's catalogue with its stock on the shelf. Money in minor units; cost is internal. */
@Entity
@Table(name = "part")
public class Part extends GarageOwnedEntity {
    @Column(name = "part_number")
    public String partNumber;
    public String description;
    /** EAN-13 or EAN-8 barcode, or null. */
    public String ean;
    @Column(name = "price_minor")
    public long priceMinor;
    @Column(name = "cost_minor")
    public long costMinor;
    @Column(name = "tax_rate_bp")
    public int taxRateBp;
    @Column(name = "stock_on_hand")
    public BigDecimal stockOnHand;
    public String bin;
}
