package com.garage.mobile.domain.notification.consent;

import com.garage.mobile.domain.notification.NotificationCategory;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;

/**
 * A person's notification preferences: consent per category as the ledger has it now, and quiet hours.
 *
 * @param policyVersion the privacy policy version the server currently asks consent under
 */
@RegisterForReflection
public record PreferencesView(long version, String policyVersion, List<CategoryConsent> categories,
        QuietHoursSetting quietHours) {

    /**
     * One category. {@code critical} ones reach the phone in quiet hours too; {@code changedAt} is
     * absent while the person never decided.
     */
    @RegisterForReflection
    public record CategoryConsent(NotificationCategory category, boolean granted, boolean operational,
            boolean critical, Instant changedAt, String sourceApp, String sourceScreen, String policyVersion) {
    }
}
