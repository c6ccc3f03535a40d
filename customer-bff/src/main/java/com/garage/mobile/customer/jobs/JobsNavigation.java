package com.garage.mobile.customer.jobs;

import com.garage.mobile.api.navigation.NavigationContribution;
import com.garage.mobile.api.navigation.NavigationEntry;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.access.NavigationSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The customer's repairs in their app's shell, where they decide on estimates. */
@ApplicationScoped
class JobsNavigation implements NavigationContribution {

    @Override
    public List<NavigationEntry> entries() {
        return List.of(
                NavigationEntry.of(AppAudience.CUSTOMER, 10, new NavigationSection("my-jobs", "My repairs",
                        "/api/v1/jobs", Capability.OWN_JOBS_READ, List.of(Capability.ESTIMATE_DECIDE))));
    }
}
