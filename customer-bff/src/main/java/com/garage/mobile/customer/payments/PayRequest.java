package com.garage.mobile.customer.payments;

import com.garage.mobile.domain.payment.PaymentPurpose;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Pay what is due on the job's invoice. There is no amount: the server computes it.
 *
 * @param purpose       the deposit (once work is approved) or the balance (once the car is ready)
 * @param paymentMethod a payment method the provider's SDK made in the app ({@code pm_…}), to confirm at once;
 *                      without it the app confirms with the returned client secret
 */
public record PayRequest(@NotNull PaymentPurpose purpose,
        @Pattern(regexp = "pm_[A-Za-z0-9_]{1,200}", message = "must be a payment method id (pm_…)")
        String paymentMethod) {
}
