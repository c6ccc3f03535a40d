package com.garage.mobile.technician.notifications;

import com.garage.mobile.api.navigation.NavigationContribution;
import com.garage.mobile.api.navigation.NavigationEntry;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.access.NavigationSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Undelivered notifications in the technician app's shell, for admins. */
@ApplicationScoped
class DeadLetterNavigation implements NavigationContribution {

    @Override
    public List<NavigationEntry> entries() {
        return List.of(
                NavigationEntry.of(AppAudience.STAFF, 60, new NavigationSection("dead-letters",
                        "Undelivered notifications", "/api/v1/admin/notifications/dead-letters",
                        Capability.NOTIFICATION_DEAD_LETTERS, List.of())));
    }
}
