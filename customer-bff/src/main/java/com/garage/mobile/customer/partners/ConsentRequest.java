package com.garage.mobile.customer.partners;

import jakarta.validation.constraints.NotNull;

/** Whether I agree to share the listed data with the partner. */
public record ConsentRequest(@NotNull Boolean granted) {
}
