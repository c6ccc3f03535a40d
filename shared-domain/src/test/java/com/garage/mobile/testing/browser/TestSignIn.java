package com.garage.mobile.testing.browser;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * The test OIDC server's side of the web apps' sign-in: its login page (OidcWiremockTestResource's form) sends the
 * browser back with a code, and this makes its token endpoint answer the app's code exchange, which must carry a PKCE
 * verifier, with a token minted for the person the test signs in. The browser calls the token endpoint from the
 * app's origin, so the answer allows that origin as the real provider's does for its registered web origins.
 */
public final class TestSignIn {

    private static final String TOKEN_PATH = "/auth/realms/quarkus/token";

    private TestSignIn() {
    }

    public static void as(WireMockServer server, String accessToken) {
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).atPriority(1)
                .withRequestBody(containing("grant_type=authorization_code"))
                .withRequestBody(containing("code_verifier="))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withHeader("Access-Control-Allow-Origin", "*")
                        .withBody("{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\","
                                + "\"expires_in\":300,\"refresh_token\":\"refresh-" + accessToken.hashCode() + "\"}")));
    }

    /** The code exchanges the app made, as form bodies. */
    public static java.util.List<String> exchanges(WireMockServer server) {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo(TOKEN_PATH)))
                .stream().map(request -> request.getBodyAsString()).toList();
    }
}
