package com.garage.mobile.domain.releases;

import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.access.AppPlatform;
import com.garage.mobile.domain.access.SoftwareVersion;
import com.garage.mobile.domain.notification.FieldErrors;

/**
 * A release as an admin registers it; a null budget part takes the configured default.
 *
 * @param crashFreeBp the crash budget's share of crash-free sessions in basis points (99.5 % = 9950)
 */
public record ReleaseDraft(AppAudience app, AppPlatform platform, String version, String build,
        StoreStatus storeStatus, String notes, String minimumOs, Integer crashFreeBp, Integer minSessions) {

    /** Throws a 400 naming every field that is not right. */
    public void validate() {
        FieldErrors errors = new FieldErrors();
        if (SoftwareVersion.parse(version) == null) {
            errors.add("version", "must be a dotted version such as 2.14.1");
        }
        if (minimumOs != null && SoftwareVersion.parse(minimumOs) == null) {
            errors.add("minimumOs", "must be a dotted version such as 16.0");
        }
        if (notes != null && notes.length() > 4000) {
            errors.add("notes", "must be at most 4000 characters");
        }
        if (crashFreeBp != null && (crashFreeBp < 0 || crashFreeBp > 10_000)) {
            errors.add("crashFreeBp", "must be between 0 and 10000");
        }
        if (minSessions != null && minSessions < 1) {
            errors.add("minSessions", "must be at least 1");
        }
        errors.throwIfAny();
    }
}
