package com.garage.mobile.domain.garage;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/** A tenant: one workshop with its time zone, currency and default tax rate. */
@Entity
@Table(name = "garage")
public class Garage extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    @Column(name = "time_zone")
    public String timeZone;
    public String currency;
    /** Tax rate in basis points: 2000 is 20 %. */
    @Column(name = "tax_rate_bp")
    public int taxRateBp;
    /** The primary colour the garage chose for its apps ({@code #rrggbb}), or null for the design system's own. */
    @Column(name = "brand_primary_colour")
    public String brandPrimaryColour;
    /** Where the garage's logo is (an https address or a path on the BFF), or null. */
    @Column(name = "brand_logo_url")
    public String brandLogoUrl;
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, zone());
    }
}
