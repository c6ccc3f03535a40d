package com.garage.mobile.domain.estimate;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One signed decision of a customer on lines of one estimate revision: exactly what was shown (its
 * canonical text and SHA-256), what was decided, the signature and consent, the strong sign-in and
 * where it came from. The table refuses UPDATE and DELETE.
 */
@Entity
@Immutable
@Table(name = "estimate_approval")
public class EstimateApproval extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "garage_id")
    public UUID garageId;
    @Column(name = "job_id")
    public UUID jobId;
    @Column(name = "customer_id")
    public UUID customerId;
    public int revision;
    @Column(name = "content_hash")
    public String contentHash;
    @Column(name = "shown_content")
    public String shownContent;
    /** JSON: [{"lineId", "decision", "note"}]. */
    public String decisions;
    @Column(name = "signer_name")
    public String signerName;
    @Column(name = "signature_kind")
    public String signatureKind;
    /** JSON strokes of a drawn signature; null for a typed one. */
    @Column(name = "signature_strokes")
    public String signatureStrokes;
    @Column(name = "consent_text")
    public String consentText;
    @Column(name = "consent_version")
    public String consentVersion;
    public String acr;
    /** Space-separated {@code amr} methods. */
    public String amr;
    @Column(name = "auth_time")
    public Instant authTime;
    public String subject;
    @Column(name = "device_id")
    public String deviceId;
    @Column(name = "client_ip")
    public String clientIp;
    @Column(name = "request_id")
    public String requestId;
    @Column(name = "decided_at")
    public Instant decidedAt;
}
