package com.garage.mobile.api.sync;

import com.garage.mobile.api.navigation.NavigationContribution;
import com.garage.mobile.api.navigation.NavigationEntry;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.access.NavigationSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The offline copy, last in both apps' shells. */
@ApplicationScoped
class SyncNavigation implements NavigationContribution {

    @Override
    public List<NavigationEntry> entries() {
        return List.of(NavigationEntry.everyApp(70,
                new NavigationSection("sync", "Offline copy", "/api/v1/sync", Capability.SYNC_READ, List.of())));
    }
}
