package com.garage.mobile.api.notifications;

import com.garage.mobile.api.navigation.NavigationContribution;
import com.garage.mobile.api.navigation.NavigationEntry;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.access.NavigationSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What one is notified of and on which devices, alike in both apps' shells. */
@ApplicationScoped
class NotificationsNavigation implements NavigationContribution {

    @Override
    public List<NavigationEntry> entries() {
        return List.of(NavigationEntry.everyApp(50, new NavigationSection("notifications", "Notifications",
                "/api/v1/notification-preferences", Capability.OWN_NOTIFICATION_PREFERENCES,
                List.of(Capability.OWN_DEVICES_MANAGE))));
    }
}
