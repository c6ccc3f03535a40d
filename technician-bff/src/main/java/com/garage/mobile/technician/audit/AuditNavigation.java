package com.garage.mobile.technician.audit;

import com.garage.mobile.api.navigation.NavigationContribution;
import com.garage.mobile.api.navigation.NavigationEntry;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.access.NavigationSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The garage's audit trail in the technician app's shell, for admins. */
@ApplicationScoped
class AuditNavigation implements NavigationContribution {

    @Override
    public List<NavigationEntry> entries() {
        return List.of(
                NavigationEntry.of(AppAudience.STAFF, 30, new NavigationSection("audit", "Audit trail",
                        "/api/v1/admin/audit/entries", Capability.AUDIT_READ, List.of())));
    }
}
