package com.garage.mobile.customer.recommendations;

import com.garage.mobile.api.navigation.NavigationContribution;
import com.garage.mobile.api.navigation.NavigationEntry;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.access.NavigationSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * What the garage recommends for the customer's vehicles, in their app's shell: the section lists the vehicles
 * ({@code path}), each with its recommendations and an odometer reading to enter.
 */
@ApplicationScoped
class RecommendationsNavigation implements NavigationContribution {

    @Override
    public List<NavigationEntry> entries() {
        return List.of(
                NavigationEntry.of(AppAudience.CUSTOMER, 35, new NavigationSection("recommendations",
                        "For your car", "/api/v1/vehicles", Capability.OWN_RECOMMENDATIONS_ACT,
                        List.of(Capability.OWN_RECOMMENDATIONS_ACT, Capability.TELEMETRY_REPORT))));
    }
}
