package com.garage.mobile.domain.notification.consent;

import com.garage.mobile.domain.notification.NotificationCategory;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A person's whole consent ledger, oldest first, as they export it. */
@RegisterForReflection
public record ConsentHistoryView(UUID personId, String subject, Instant exportedAt, List<Entry> records) {

    /** One grant or withdrawal. */
    @RegisterForReflection
    public record Entry(NotificationCategory category, boolean granted, Instant recordedAt, String sourceApp,
            String sourceScreen, String policyVersion, String deviceId) {

        static Entry of(ConsentRecord record) {
            return new Entry(record.category, record.granted, record.recordedAt, record.sourceApp,
                    record.sourceScreen, record.policyVersion, record.deviceId);
        }
    }
}
