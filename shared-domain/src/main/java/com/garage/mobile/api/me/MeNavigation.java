package com.garage.mobile.api.me;

import com.garage.mobile.api.navigation.NavigationContribution;
import com.garage.mobile.api.navigation.NavigationEntry;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.access.NavigationSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Staff have no profile screen of their own: their "Me" section shows who they are. */
@ApplicationScoped
class MeNavigation implements NavigationContribution {

    @Override
    public List<NavigationEntry> entries() {
        return List.of(NavigationEntry.of(AppAudience.STAFF, 40,
                new NavigationSection("profile", "Me", "/api/v1/me", Capability.APP_USE, List.of())));
    }
}
