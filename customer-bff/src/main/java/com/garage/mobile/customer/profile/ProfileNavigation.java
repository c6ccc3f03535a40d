package com.garage.mobile.customer.profile;

import com.garage.mobile.api.navigation.NavigationContribution;
import com.garage.mobile.api.navigation.NavigationEntry;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.access.NavigationSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The customer's contact details in their app's shell. */
@ApplicationScoped
class ProfileNavigation implements NavigationContribution {

    @Override
    public List<NavigationEntry> entries() {
        return List.of(
                NavigationEntry.of(AppAudience.CUSTOMER, 40, new NavigationSection("profile", "Profile",
                        "/api/v1/profile", Capability.PROFILE_READ, List.of(Capability.OFFLINE_OWN_WRITES))));
    }
}
