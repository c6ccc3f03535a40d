package com.garage.mobile.domain.notification.consent;

import com.garage.mobile.domain.notification.NotificationCategory;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The categories a preferences change grants and withdraws, compared with the ledger's current state. */
record ConsentChanges(List<NotificationCategory> granted, List<NotificationCategory> withdrawn) {

    /** A category the change does not name keeps its current decision. */
    static ConsentChanges between(Map<NotificationCategory, ConsentRecord> current,
            Map<NotificationCategory, Boolean> wanted) {
        return new ConsentChanges(
                Arrays.stream(NotificationCategory.values())
                        .filter(c -> Boolean.TRUE.equals(wanted.get(c)) && !isGranted(current.get(c))).toList(),
                Arrays.stream(NotificationCategory.values())
                        .filter(c -> Boolean.FALSE.equals(wanted.get(c)) && isGranted(current.get(c))).toList());
    }

    /** For the audit entry; plain strings, so that the stored JSON reads back equal. */
    Map<String, Object> detail(QuietHours quietHours) {
        return Map.of("granted", names(granted), "withdrawn", names(withdrawn),
                "quietHours", quietHours != null ? QuietHoursSetting.of(quietHours).toString() : "none");
    }

    private static List<String> names(List<NotificationCategory> categories) {
        return categories.stream().map(Enum::name).toList();
    }

    private static boolean isGranted(ConsentRecord latest) {
        return latest != null && latest.granted;
    }
}
