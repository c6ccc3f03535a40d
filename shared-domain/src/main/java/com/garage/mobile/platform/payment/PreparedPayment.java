package com.garage.mobile.platform.payment;

import com.garage.mobile.domain.payment.Payment;
import com.garage.mobile.domain.payment.ProviderIntent;

/** A payment ready for the app: the stored payment and the provider's intent, whose client secret the app needs. */
public record PreparedPayment(Payment payment, ProviderIntent intent) {
}
