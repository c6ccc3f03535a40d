package com.garage.mobile.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.garage.mobile.platform.payment.stripe.StripeSignature;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Stripe's API on a local WireMock server, answering with the same mappings as the local stack's
 * stub ({@code local/stripe-stub}): intents whose id follows the idempotency key (a retry replays
 * the intent), declines and 3-D Secure by Stripe's test cards, captures and Checkout Sessions.
 * Tests add answers of their own with {@link #stub(MappingBuilder)} and sign webhooks with the
 * test secrets.
 */
public class StripeStub implements QuarkusTestResourceLifecycleManager {

    public static final String SECRET_KEY = "sk_test_garage_tests";
    /** The current webhook signing secret and the one being rotated out: both are accepted. */
    public static final String WEBHOOK_SECRET = "whsec_test_current";
    public static final String PREVIOUS_WEBHOOK_SECRET = "whsec_test_previous";
    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                .usingFilesUnderDirectory(mappings().toString()));
        server.start();
        return Map.of("garage.payments.stripe.base-url", server.baseUrl(),
                "garage.payments.stripe.secret-key", SECRET_KEY,
                "garage.payments.stripe.webhook-secrets", WEBHOOK_SECRET + "," + PREVIOUS_WEBHOOK_SECRET);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** Back to the shared mappings only, with an empty request journal. */
    public static void reset() {
        server.resetToDefaultMappings();
        server.resetRequests();
    }

    public static void stub(MappingBuilder mapping) {
        server.stubFor(mapping);
    }

    public static String baseUrl() {
        return server.baseUrl();
    }

    public static List<LoggedRequest> intentsCreated() {
        return server.findAll(postRequestedFor(urlPathEqualTo("/v1/payment_intents")));
    }

    public static List<LoggedRequest> posts(String pathPattern) {
        return server.findAll(postRequestedFor(urlPathMatching(pathPattern)));
    }

    /** A {@code Stripe-Signature} header for this body, signed at {@code at} with {@code secret}. */
    public static String signature(String secret, Instant at, String body) {
        return "t=" + at.getEpochSecond() + ",v1="
                + StripeSignature.sign(secret, at.getEpochSecond(), body.getBytes(StandardCharsets.UTF_8));
    }

    /** The repository's local/stripe-stub, from whichever module the tests run in. */
    private static Path mappings() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("local/stripe-stub");
            if (Files.isDirectory(candidate.resolve("mappings"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("local/stripe-stub not found above " + here);
    }
}
