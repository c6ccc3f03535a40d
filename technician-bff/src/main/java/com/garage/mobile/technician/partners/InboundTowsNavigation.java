package com.garage.mobile.technician.partners;

import com.garage.mobile.api.navigation.NavigationContribution;
import com.garage.mobile.api.navigation.NavigationEntry;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.access.NavigationSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The tows coming to the garage, for those who see the whole workshop (advisors, admins). */
@ApplicationScoped
class InboundTowsNavigation implements NavigationContribution {

    @Override
    public List<NavigationEntry> entries() {
        return List.of(NavigationEntry.of(AppAudience.STAFF, 25, new NavigationSection("inbound-tows",
                "Inbound tows", "/api/v1/roadside/inbound-tows", Capability.GARAGE_BOARD_READ, List.of())));
    }
}
