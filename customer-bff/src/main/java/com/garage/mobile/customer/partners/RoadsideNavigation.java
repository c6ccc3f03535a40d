package com.garage.mobile.customer.partners;

import com.garage.mobile.api.navigation.NavigationContribution;
import com.garage.mobile.api.navigation.NavigationEntry;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.access.NavigationSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Roadside help and the partner marketplace in the customer app's shell. */
@ApplicationScoped
class RoadsideNavigation implements NavigationContribution {

    @Override
    public List<NavigationEntry> entries() {
        return List.of(
                NavigationEntry.of(AppAudience.CUSTOMER, 110, new NavigationSection("roadside", "Roadside help",
                        "/api/v1/roadside-requests", Capability.OWN_PARTNER_SERVICES,
                        List.of(Capability.OWN_PARTNER_SERVICES))),
                NavigationEntry.of(AppAudience.CUSTOMER, 111, new NavigationSection("partners", "Partner services",
                        "/api/v1/partners", Capability.OWN_PARTNER_SERVICES, List.of(Capability.OWN_PARTNER_SERVICES))));
    }
}
