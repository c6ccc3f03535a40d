package com.garage.mobile.technician.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.platform.push.PushResult;
import com.garage.mobile.platform.push.apns.ApnsClient;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PushProviderStubs.class)
class ApnsClientTest {

    @InjectPushStubs
    PushStubs stubs;

    @Inject
    ApnsClient apns;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void freshStubs() {
        stubs.reset();
        breakers.resetAll();
    }

    @Test
    void sendsAnAlertOverHttp2WithItsHeaders() {
        String token = PushFixture.apnsToken();

        PushResult result = apns.send(PushMessages.iphone(token, false), PushMessages.readyForPickup())
                .await().atMost(Duration.ofSeconds(10));

        assertEquals(new PushResult.Delivered("EC1BF194-B3B2-424A-89A9-5A918A6E6B5C"), result);
        LoggedRequest request = stubs.requestsTo("/3/device/" + token).get(0);
        assertEquals("HTTP/2.0", request.getProtocol());
        assertEquals("com.garage.customer", request.getHeader("apns-topic"));
        assertEquals("alert", request.getHeader("apns-push-type"));
        assertEquals("10", request.getHeader("apns-priority"));
        assertEquals(Long.toString(PushMessages.EXPIRES_AT.getEpochSecond()), request.getHeader("apns-expiration"));
        assertEquals("job-4b3c-status", request.getHeader("apns-collapse-id"));
        assertEquals(new JsonObject("""
                {"aps": {"alert": {"title": "Ready for pickup",
                                   "body": "Your Volkswagen Golf (AB19 CDE) is ready for pickup."},
                         "sound": "default", "thread-id": "job-4b3c-status"},
                 "jobId": "4b3c", "status": "READY_FOR_PICKUP"}"""), new JsonObject(request.getBodyAsString()));
    }

    @Test
    void authenticatesWithAnEs256ProviderTokenOfTheTeam() throws Exception {
        String token = PushFixture.apnsToken();
        apns.send(PushMessages.iphone(token, true), PushMessages.readyForPickup()).await().atMost(Duration.ofSeconds(10));

        LoggedRequest request = stubs.requestsTo("/3/device/" + token).get(0);
        assertEquals("com.garage.technician", request.getHeader("apns-topic"));
        String authorization = request.getHeader("authorization");
        assertTrue(authorization.startsWith("bearer "), authorization);
        JwtContext jwt = new JwtConsumerBuilder()
                .setVerificationKey(stubs.apnsKeys.getPublic())
                .setExpectedIssuer(PushStubs.APNS_TEAM)
                .setRequireIssuedAt()
                .build().process(authorization.substring("bearer ".length()));
        assertEquals("ES256", jwt.getJoseObjects().get(0).getAlgorithmHeaderValue());
        assertEquals(PushStubs.APNS_KEY_ID, jwt.getJoseObjects().get(0).getKeyIdHeaderValue());
        JwtClaims claims = jwt.getJwtClaims();
        assertTrue(Math.abs(claims.getIssuedAt().getValue() - Instant.now().getEpochSecond()) < 120);
    }

    @Test
    void anUnregisteredDeviceIsReportedAsDead() {
        String token = PushFixture.apnsToken();
        stubs.apnsAnswers(token, aResponse().withStatus(410).withHeader("Content-Type", "application/json")
                .withBody("{\"reason\": \"Unregistered\", \"timestamp\": 1719000000000}"));

        PushResult result = apns.send(PushMessages.iphone(token, false), PushMessages.readyForPickup())
                .await().atMost(Duration.ofSeconds(10));

        assertEquals(new PushResult.TokenRejected("Unregistered"), result);
    }

    @Test
    void aBadDeviceTokenIsReportedAsDead() {
        String token = PushFixture.apnsToken();
        stubs.apnsAnswers(token, aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"reason\": \"BadDeviceToken\"}"));

        PushResult result = apns.send(PushMessages.iphone(token, false), PushMessages.readyForPickup())
                .await().atMost(Duration.ofSeconds(10));

        assertEquals(new PushResult.TokenRejected("BadDeviceToken"), result);
    }
}
