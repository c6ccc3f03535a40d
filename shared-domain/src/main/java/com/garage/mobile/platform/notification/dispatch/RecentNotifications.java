package com.garage.mobile.platform.notification.dispatch;

import java.time.Instant;
import java.util.Set;

/** The notifications a person was sent within the rate window, and when the oldest of them went. */
record RecentNotifications(Set<String> keys, Instant oldest) {

    static final RecentNotifications NONE = new RecentNotifications(Set.of(), null);
}
