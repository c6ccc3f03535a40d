package com.garage.mobile.customer.vehicles;

import com.garage.mobile.api.navigation.NavigationContribution;
import com.garage.mobile.api.navigation.NavigationEntry;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.access.NavigationSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The customer's vehicles in their app's shell. */
@ApplicationScoped
class VehiclesNavigation implements NavigationContribution {

    @Override
    public List<NavigationEntry> entries() {
        return List.of(
                NavigationEntry.of(AppAudience.CUSTOMER, 30, new NavigationSection("vehicles", "My vehicles",
                        "/api/v1/vehicles", Capability.OWN_VEHICLES_READ, List.of())));
    }
}
