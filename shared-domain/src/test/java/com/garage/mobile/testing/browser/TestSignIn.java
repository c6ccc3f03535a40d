package com.garage.mobile.testing.browser;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;

/**
 * The test OIDC server's side of the web apps' sign-in: its login page (OidcWiremockTestResource's form) sends the
 * browser back with a code, and this makes its token endpoint answer the app's code exchange, which must carry a PKCE
 * verifier, and its refresh, with a token minted for the person the test signs in. The browser calls the token
 * endpoint from the app's origin, so the answer allows that origin as the real provider does for its web origins.
 */
public final class TestSignIn {

    private static final String TOKEN_PATH = "/auth/realms/quarkus/token";

    private TestSignIn() {
    }

    public static void as(WireMockServer server, String accessToken) {
        as(server, accessToken, 300);
    }

    /** Signs in with tokens living {@code expiresIn} seconds; the app refreshes them a minute before. */
    public static void as(WireMockServer server, String accessToken, int expiresIn) {
        for (String grant : List.of("authorization_code", "refresh_token")) {
            server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).atPriority(1)
                    .withRequestBody(containing("grant_type=" + grant))
                    .withRequestBody(containing(grant.equals("refresh_token") ? "refresh_token=" : "code_verifier="))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json")
                            .withHeader("Access-Control-Allow-Origin", "*")
                            .withBody("{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\","
                                    + "\"expires_in\":" + expiresIn + ",\"refresh_token\":\""
                                    + refreshToken(accessToken) + "\"}")));
        }
    }

    /** The refresh token the token endpoint hands out with {@code accessToken}. */
    static String refreshToken(String accessToken) {
        return "refresh-" + Integer.toHexString(accessToken.hashCode());
    }

    /** The form bodies the app sent to the token endpoint, oldest first. */
    public static List<String> tokenRequests(WireMockServer server) {
        return server.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH))).stream()
                .map(LoggedRequest::getBodyAsString).toList();
    }
}
