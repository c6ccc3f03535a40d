package com.garage.mobile.customer.partners;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Whether I agree to share the listed data with the partner. */
public record ConsentRequest(@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}") String partner,
        @NotNull Boolean granted) {
}
