package com.garage.mobile.platform.payment.stripe;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Stripe's API and webhooks ({@code garage.payments.stripe.*}); docs/payments.md says how to use test-mode keys. */
@ConfigMapping(prefix = "garage.payments.stripe")
public interface StripeConfig {

    /** Stripe's API, or a stub of it (WireMock in tests and on the local stack). */
    @WithDefault("https://api.stripe.com")
    String baseUrl();

    /** The secret API key ({@code sk_test_…} or {@code sk_live_…}); without it no payment can be taken. */
    Optional<String> secretKey();

    /**
     * The webhook endpoint's signing secrets ({@code whsec_…}); during a rotation both the old and
     * the new one are listed, and a signature by either is accepted.
     */
    Optional<List<String>> webhookSecrets();

    /** How far a webhook's signed timestamp may be from our clock. */
    @WithDefault("300s")
    Duration webhookTolerance();

    @WithDefault("5s")
    Duration connectTimeout();

    @WithDefault("10s")
    Duration readTimeout();

    /** Where the hosted payment page sends the customer back to (pay by link). */
    @WithDefault("https://garage.example/paid")
    String returnUrl();
}
