package com.garage.mobile.technician.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.garage.mobile.platform.push.PushResult;
import com.garage.mobile.platform.push.fcm.FcmAccessTokens;
import com.garage.mobile.platform.push.fcm.FcmClient;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PushProviderStubs.class)
class FcmClientTest {

    @InjectPushStubs
    PushStubs stubs;

    @Inject
    FcmClient fcm;

    @Inject
    FcmAccessTokens accessTokens;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void freshStubs() {
        stubs.reset();
        breakers.resetAll();
        accessTokens.invalidate();
    }

    @Test
    void sendsAnHttpV1MessageAuthorisedByTheServiceAccount() throws Exception {
        String token = PushFixture.fcmToken();

        PushResult result = fcm.send(PushMessages.android(token), PushMessages.readyForPickup())
                .await().atMost(Duration.ofSeconds(10));

        assertEquals(new PushResult.Delivered("projects/garage-test/messages/0:1500415314455276%31bd1c9"), result);
        LoggedRequest send = stubs.fcmRequestsFor(token).get(0);
        assertEquals("Bearer " + PushStubs.ACCESS_TOKEN, send.getHeader("Authorization"));
        assertEquals(new JsonObject("""
                {"message": {
                  "token": "%s",
                  "notification": {"title": "Ready for pickup",
                                   "body": "Your Volkswagen Golf (AB19 CDE) is ready for pickup."},
                  "data": {"jobId": "4b3c", "status": "READY_FOR_PICKUP"},
                  "android": {"priority": "HIGH", "ttl": "3600s", "collapse_key": "job-4b3c-status",
                              "notification": {"tag": "job-4b3c-status"}}}}""".formatted(token)),
                new JsonObject(send.getBodyAsString()));
    }

    @Test
    void theAccessTokenComesFromASignedServiceAccountAssertion() throws Exception {
        fcm.send(PushMessages.android(PushFixture.fcmToken()), PushMessages.readyForPickup())
                .await().atMost(Duration.ofSeconds(10));

        Map<String, String> form = form(stubs.requestsTo("/token").get(0).getBodyAsString());
        assertEquals("urn:ietf:params:oauth:grant-type:jwt-bearer", form.get("grant_type"));
        JwtContext assertion = new JwtConsumerBuilder()
                .setVerificationKey(stubs.fcmKeys.getPublic())
                .setExpectedIssuer(PushStubs.FCM_CLIENT_EMAIL)
                .setExpectedAudience(stubs.httpUrl() + "/token")
                .setRequireIssuedAt().setRequireExpirationTime()
                .build().process(form.get("assertion"));
        JwtClaims claims = assertion.getJwtClaims();
        assertEquals("RS256", assertion.getJoseObjects().get(0).getAlgorithmHeaderValue());
        assertEquals(PushStubs.FCM_KEY_ID, assertion.getJoseObjects().get(0).getKeyIdHeaderValue());
        assertEquals("https://www.googleapis.com/auth/firebase.messaging", claims.getStringClaimValue("scope"));
        assertEquals(3600, claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue());
    }

    @Test
    void theAccessTokenIsReusedUntilItExpires() {
        for (int i = 0; i < 3; i++) {
            fcm.send(PushMessages.android(PushFixture.fcmToken()), PushMessages.readyForPickup())
                    .await().atMost(Duration.ofSeconds(10));
        }
        assertEquals(1, stubs.requestsTo("/token").size());
    }

    @Test
    void anUnregisteredTokenIsReportedAsDead() {
        String token = PushFixture.fcmToken();
        stubs.fcmAnswers(token, aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody("""
                {"error": {"code": 404, "message": "Requested entity was not found.", "status": "NOT_FOUND",
                  "details": [{"@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError",
                               "errorCode": "UNREGISTERED"}]}}"""));

        PushResult result = fcm.send(PushMessages.android(token), PushMessages.readyForPickup())
                .await().atMost(Duration.ofSeconds(10));

        assertEquals(new PushResult.TokenRejected("UNREGISTERED"), result);
        assertEquals(1, stubs.fcmRequestsFor(token).size());
    }

    @Test
    void aMalformedMessageIsRefusedForGoodWithoutRetrying() {
        String token = PushFixture.fcmToken();
        stubs.fcmAnswers(token, aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"code\": 400, \"status\": \"INVALID_ARGUMENT\", \"message\": \"bad ttl\"}}"));

        PushResult result = fcm.send(PushMessages.android(token), PushMessages.readyForPickup())
                .await().atMost(Duration.ofSeconds(10));

        assertInstanceOf(PushResult.Rejected.class, result);
        assertEquals(1, stubs.fcmRequestsFor(token).size());
    }

    private static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }
}
