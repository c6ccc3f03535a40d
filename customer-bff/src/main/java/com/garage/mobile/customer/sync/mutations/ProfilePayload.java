package com.garage.mobile.customer.sync.mutations;

import com.garage.mobile.domain.customer.ProfileChange;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code profile update}: the fields to change; those left out stay as they are. */
public record ProfilePayload(
        @Size(min = 1, max = 100) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String firstName,
        @Size(min = 1, max = 100) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String lastName,
        @Size(max = 254) @Pattern(regexp = "[^@\\s]+@[^@\\s]+", message = "must be an email address") String email,
        @Pattern(regexp = "\\+?[0-9 ()-]{5,20}", message = "must be a phone number of 5 to 20 digits") String phone,
        @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}", message = "must be a language tag such as en-GB")
        String preferredLanguage) {

    ProfileChange change() {
        return new ProfileChange(firstName, lastName, email, phone, preferredLanguage);
    }
}
