package com.garage.mobile.customer.profile;

import com.garage.mobile.domain.customer.Customer;
import com.garage.mobile.platform.web.VersionedView;
import java.util.UUID;

/** The customer's own contact details. */
public record ProfileView(UUID id, String firstName, String lastName, String email, String phone,
        String preferredLanguage, long version) implements VersionedView {

    public static ProfileView of(Customer customer) {
        return new ProfileView(customer.id, customer.firstName, customer.lastName, customer.email, customer.phone,
                customer.preferredLanguage, customer.version);
    }
}
