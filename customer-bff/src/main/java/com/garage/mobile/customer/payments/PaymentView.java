package com.garage.mobile.customer.payments;

import com.garage.mobile.domain.payment.Payment;
import java.time.Instant;
import java.util.UUID;

/**
 * A payment as the customer's app sees it.
 *
 * @param clientSecret what the provider's SDK needs to confirm the payment; only in the answer to a pay, never stored
 * @param reason       why the last attempt was declined, if it was
 */
public record PaymentView(UUID id, UUID jobId, String purpose, String status, long amountMinor, String currency,
        String provider, String clientSecret, String reason, Instant createdAt, Instant updatedAt, long version) {

    public static PaymentView of(Payment payment, String clientSecret) {
        return new PaymentView(payment.id, payment.jobId, payment.purpose.name(), payment.status.name(),
                payment.amountMinor, payment.currency, payment.provider, clientSecret, payment.lastError,
                payment.createdAt, payment.updatedAt, payment.version);
    }

    public static PaymentView receipt(Payment payment) {
        return of(payment, null);
    }

    @Override
    public String toString() {
        return "PaymentView[" + id + " " + status + "]";
    }
}
