package com.garage.mobile.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The partners on a local WireMock server with the local stack's mappings ({@code local/partner-stub}):
 * the roadside partner {@code roadside-demo} on our generic REST contract, walking a request through
 * its states with signed webhooks, and NHTSA's vPIC and recalls APIs with recorded answers. Tests
 * add answers of their own with {@link #stub(MappingBuilder)} and aim the webhooks at the app with
 * {@link #callbackTo(String)}.
 */
public class PartnerStub implements QuarkusTestResourceLifecycleManager {

    public static final String PARTNER = "roadside-demo";
    /** A second roadside partner on Arity's rescue API shapes ({@code ArityRoadside}), polled, without webhooks. */
    public static final String ARITY_PARTNER = "roadside-arity";
    public static final String ARITY_APP_ID = "garage-test-app";
    public static final String API_KEY = "partner_test_key";
    public static final String WEBHOOK_SECRET = "whpartner_test_current";
    public static final String PREVIOUS_WEBHOOK_SECRET = "whpartner_test_previous";
    private static final PartnerStubWebhooks WEBHOOKS = new PartnerStubWebhooks(WEBHOOK_SECRET, "http://127.0.0.1:1",
            PARTNER);
    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                .usingFilesUnderDirectory(root().toString()).extensions(WEBHOOKS));
        server.start();
        String connector = "garage.partners.connector." + PARTNER + ".";
        String arity = "garage.partners.connector." + ARITY_PARTNER + ".";
        return Map.of(connector + "base-url", server.baseUrl(),
                connector + "api-key", API_KEY,
                connector + "webhook-secrets", WEBHOOK_SECRET + "," + PREVIOUS_WEBHOOK_SECRET,
                arity + "base-url", server.baseUrl() + "/services/roadside/v1",
                arity + "api-key", API_KEY,
                arity + "app-id", ARITY_APP_ID,
                arity + "adapter", "arity-roadside",
                "garage.partners.recalls.vpic-url", server.baseUrl(),
                "garage.partners.recalls.recalls-url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** Back to the shared mappings only, an empty journal, webhooks signed with the current secret. */
    public static void reset() {
        server.resetToDefaultMappings();
        server.resetRequests();
        server.resetScenarios();
        WEBHOOKS.signWith(WEBHOOK_SECRET);
    }

    public static void callbackTo(String url) {
        WEBHOOKS.callbackTo(url);
    }

    public static void signWebhooksWith(String secret) {
        WEBHOOKS.signWith(secret);
    }

    public static void stub(MappingBuilder mapping) {
        server.stubFor(mapping);
    }

    public static List<LoggedRequest> requests(String pathPattern) {
        return server.findAll(anyRequestedFor(urlPathMatching(pathPattern)));
    }

    /** The repository's local/partner-stub, from whichever module the tests run in. */
    private static Path root() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("local/partner-stub");
            if (Files.isDirectory(candidate.resolve("mappings"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("local/partner-stub not found above " + here);
    }
}
