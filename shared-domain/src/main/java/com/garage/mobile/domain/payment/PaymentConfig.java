package com.garage.mobile.domain.payment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How payments are taken ({@code garage.payments.*}); the provider's own settings are the platform's. */
@ConfigMapping(prefix = "garage.payments")
public interface PaymentConfig {

    /** How long a provider holds an authorised amount when it does not say (Stripe: 7 days for cards). */
    @WithDefault("7d")
    Duration holdLifetime();

    /** How long before a hold lapses the advisor is told. */
    @WithDefault("24h")
    Duration holdWarning();

    /** How often each pod's reconciliation pass runs. */
    @WithDefault("5m")
    Duration reconcileEvery();

    /** How long a payment may sit in an in-between status before the reconciliation pass asks the provider. */
    @WithDefault("15m")
    Duration reconcileAfter();

    /** Where pay-by-link links point: the customer BFF's public address ({@code <base>/pay/<token>}). */
    @WithDefault("http://127.0.0.1:8082")
    String linkBaseUrl();

    /** How long a pay-by-link token stays valid. */
    @WithDefault("72h")
    Duration linkLifetime();
}
