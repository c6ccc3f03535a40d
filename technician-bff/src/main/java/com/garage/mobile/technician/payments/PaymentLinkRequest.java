package com.garage.mobile.technician.payments;

import com.garage.mobile.domain.payment.PaymentPurpose;
import jakarta.validation.constraints.NotNull;

/** A pay-by-link link for what is due now: the deposit or the balance. The amount is the server's. */
public record PaymentLinkRequest(@NotNull PaymentPurpose purpose) {
}
