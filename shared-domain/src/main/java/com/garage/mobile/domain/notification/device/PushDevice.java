package com.garage.mobile.domain.notification.device;

import com.garage.mobile.domain.notification.PersonRef;
import com.garage.mobile.domain.tenancy.GarageOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** A phone or browser of one person, with the provider token that reaches it. */
@Entity
@Table(name = "push_device")
public class PushDevice extends GarageOwnedEntity {
    @Embedded
    public PersonRef owner;
    @Enumerated(EnumType.STRING)
    public DevicePlatform platform;
    /** The FCM registration token, the APNs device token, or the Web Push endpoint. */
    public String token;
    @Column(name = "web_push_p256dh")
    public String webPushP256dh;
    @Column(name = "web_push_auth")
    public String webPushAuth;
    @Column(name = "app_version")
    public String appVersion;
    @Column(name = "os_version")
    public String osVersion;
    public String locale;
    @Column(name = "time_zone")
    public String timeZone;
    public boolean active;
    @Column(name = "deactivated_at")
    public Instant deactivatedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "deactivation_reason")
    public DeactivationReason deactivationReason;

    public void deactivate(DeactivationReason reason, Instant at) {
        active = false;
        deactivatedAt = at;
        deactivationReason = reason;
        updatedAt = at;
    }
}
