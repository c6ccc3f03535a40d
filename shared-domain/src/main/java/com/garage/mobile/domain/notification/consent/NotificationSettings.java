package com.garage.mobile.domain.notification.consent;

import com.garage.mobile.domain.notification.PersonRef;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/**
 * A person's notification settings beside the consent ledger. Its version is the version of the
 * whole preferences document: every change to consent or quiet hours bumps it, under the person's
 * advisory lock (the row may not exist yet, so there is nothing for an optimistic lock to hold).
 */
@Entity
@Table(name = "notification_settings")
public class NotificationSettings extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "garage_id")
    public UUID garageId;
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Embedded
    public PersonRef owner;
    @Column(name = "quiet_start")
    public LocalTime quietStart;
    @Column(name = "quiet_end")
    public LocalTime quietEnd;
    @Column(name = "quiet_time_zone")
    public String quietTimeZone;

    public Optional<QuietHours> quietHours() {
        return quietStart == null ? Optional.empty()
                : Optional.of(new QuietHours(quietStart, quietEnd, ZoneId.of(quietTimeZone)));
    }

    public void quietHours(QuietHours hours) {
        quietStart = hours != null ? hours.start() : null;
        quietEnd = hours != null ? hours.end() : null;
        quietTimeZone = hours != null ? hours.zone().getId() : null;
    }
}
