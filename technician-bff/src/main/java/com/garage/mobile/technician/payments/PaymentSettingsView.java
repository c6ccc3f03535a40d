package com.garage.mobile.technician.payments;

import com.garage.mobile.domain.payment.PaymentSettings;

/** The garage's deposit rule as its staff see it. */
public record PaymentSettingsView(String depositRule, int depositPercentBp, long depositFixedMinor, long version) {

    static PaymentSettingsView of(PaymentSettings settings) {
        return new PaymentSettingsView(settings.depositRule.name(), settings.depositPercentBp,
                settings.depositFixedMinor, settings.version);
    }
}
