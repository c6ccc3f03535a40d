package com.garage.mobile.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The integrity service's key set endpoint, on a local WireMock server: it publishes test key 1
 * until a test rotates key 2 in with {@link #publish(String...)}.
 */
public class AttestationKeysStub implements QuarkusTestResourceLifecycleManager {

    private static final String PATH = "/.well-known/attestation-keys.json";
    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        publish(TestAttestations.KEY_1);
        return Map.of("garage.posture.keys.location", server.baseUrl() + PATH);
    }

    /** Publishes the public halves of these private test keys from now on. */
    public static void publish(String... privateJwks) {
        String keys = Arrays.stream(privateJwks).map(TestAttestations::publicJwk).collect(Collectors.joining(","));
        server.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"keys\":[" + keys + "]}")));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
