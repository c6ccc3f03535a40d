package com.garage.mobile.domain.payment;

import com.garage.mobile.domain.tenancy.GarageOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One payment towards a job's invoice, through a provider. The amount is the server's; the
 * idempotency key is generated once and sent with every create call, so a retry replays it.
 */
@Entity
@Table(name = "payment")
public class Payment extends GarageOwnedEntity {
    @Column(name = "job_id")
    public UUID jobId;
    @Column(name = "customer_id")
    public UUID customerId;
    @Enumerated(EnumType.STRING)
    public PaymentPurpose purpose;
    @Enumerated(EnumType.STRING)
    public PaymentChannel channel;
    @Column(name = "amount_minor")
    public long amountMinor;
    public String currency;
    @Enumerated(EnumType.STRING)
    public PaymentStatus status;
    /** A deposit is authorised now and captured when the work starts. */
    @Column(name = "manual_capture")
    public boolean manualCapture;
    public String provider;
    @Column(name = "provider_intent_id")
    public String providerIntentId;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    /** When the provider said the current status: an older word never overrides a newer one. */
    @Column(name = "status_at")
    public Instant statusAt;
    /** A held amount lapses at this instant unless captured. */
    @Column(name = "capture_before")
    public Instant captureBefore;
    @Column(name = "hold_flagged_at")
    public Instant holdFlaggedAt;
    /** The provider's reason for the last decline, as shown to the customer. */
    @Column(name = "last_error")
    public String lastError;
}
