package com.garage.mobile.domain.payment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

/** A garage's payment settings: whether, and how much, it asks as a deposit once work is approved. */
@Entity
@Table(name = "garage_payment_settings")
public class PaymentSettings extends PanacheEntityBase {
    @Id
    @Column(name = "garage_id")
    public UUID garageId;
    @Enumerated(EnumType.STRING)
    @Column(name = "deposit_rule")
    public DepositRule depositRule = DepositRule.NONE;
    @Column(name = "deposit_percent_bp")
    public int depositPercentBp;
    @Column(name = "deposit_fixed_minor")
    public long depositFixedMinor;
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Settings of a garage that never set any: no deposit. */
    public static PaymentSettings none(UUID garageId) {
        PaymentSettings settings = new PaymentSettings();
        settings.garageId = garageId;
        return settings;
    }

    /** The deposit on this much approved work, rounded half-up, never more than the work. */
    public long depositOn(long approvedGrossMinor) {
        long deposit = switch (depositRule) {
            case NONE -> 0;
            case PERCENTAGE -> BigDecimal.valueOf(approvedGrossMinor).multiply(BigDecimal.valueOf(depositPercentBp))
                    .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP).longValueExact();
            case FIXED -> depositFixedMinor;
        };
        return Math.min(deposit, approvedGrossMinor);
    }
}
