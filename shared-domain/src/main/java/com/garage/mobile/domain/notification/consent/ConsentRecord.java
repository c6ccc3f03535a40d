package com.garage.mobile.domain.notification.consent;

import com.garage.mobile.domain.notification.NotificationCategory;
import com.garage.mobile.domain.notification.PersonRef;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One grant or withdrawal in the append-only consent ledger: what, when, where and under which policy. */
@Entity
@Table(name = "notification_consent")
public class ConsentRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "garage_id")
    public UUID garageId;
    @Embedded
    public PersonRef owner;
    @Enumerated(EnumType.STRING)
    public NotificationCategory category;
    public boolean granted;
    @Column(name = "source_app")
    public String sourceApp;
    @Column(name = "source_screen")
    public String sourceScreen;
    @Column(name = "policy_version")
    public String policyVersion;
    @Column(name = "device_id")
    public String deviceId;
    @Column(name = "request_id")
    public String requestId;
    @Column(name = "recorded_at")
    public Instant recordedAt;
}
