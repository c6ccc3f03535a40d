package com.garage.mobile.customer.appointments;

import com.garage.mobile.api.navigation.NavigationContribution;
import com.garage.mobile.api.navigation.NavigationEntry;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.access.NavigationSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The customer's appointments in their app's shell. */
@ApplicationScoped
class AppointmentsNavigation implements NavigationContribution {

    @Override
    public List<NavigationEntry> entries() {
        return List.of(
                NavigationEntry.of(AppAudience.CUSTOMER, 20, new NavigationSection("appointments", "Appointments",
                        "/api/v1/appointments", Capability.OWN_APPOINTMENTS_READ,
                        List.of(Capability.OFFLINE_OWN_WRITES))));
    }
}
