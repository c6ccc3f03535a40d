package com.garage.mobile.customer.payments;

import com.garage.mobile.api.navigation.NavigationContribution;
import com.garage.mobile.api.navigation.NavigationEntry;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.access.NavigationSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The customer's payments and receipts in their app's shell; a repair's invoice and paying it are
 * reached from the repair ({@code /api/v1/jobs/{jobId}/invoice}, {@code …/payments}).
 */
@ApplicationScoped
class PaymentsNavigation implements NavigationContribution {

    @Override
    public List<NavigationEntry> entries() {
        return List.of(
                NavigationEntry.of(AppAudience.CUSTOMER, 15, new NavigationSection("payments", "Payments and receipts",
                        "/api/v1/payments", Capability.OWN_PAYMENTS, List.of(Capability.OWN_PAYMENTS))));
    }
}
