package com.garage.mobile.technician.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.notification.device.KeyMaterial;
import com.garage.mobile.platform.push.PushResult;
import com.garage.mobile.platform.push.webpush.WebPushClient;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PushProviderStubs.class)
class WebPushClientTest {

    private static final Pattern VAPID = Pattern.compile("vapid t=([^,]+), k=(.+)");

    @InjectPushStubs
    PushStubs stubs;

    @Inject
    WebPushClient webPush;

    @Inject
    CircuitBreakerMaintenance breakers;

    PushSubscriber subscriber;
    String path;

    @BeforeEach
    void freshStubs() {
        stubs.reset();
        breakers.resetAll();
        subscriber = new PushSubscriber();
        path = "/push/" + UUID.randomUUID();
    }

    @Test
    void sendsAnEncryptedPayloadThatTheSubscriberCanRead() throws Exception {
        PushResult result = webPush.send(PushMessages.browser(stubs.httpsUrl() + path, subscriber),
                PushMessages.readyForPickup()).await().atMost(Duration.ofSeconds(10));

        assertEquals(new PushResult.Delivered(stubs.httpsUrl() + "/message/1"), result);
        LoggedRequest request = stubs.requestsTo(path).get(0);
        assertEquals("3600", request.getHeader("TTL"));
        assertEquals("high", request.getHeader("Urgency"));
        assertEquals("job-4b3c-status", request.getHeader("Topic"));
        assertEquals("aes128gcm", request.getHeader("Content-Encoding"));
        assertEquals("application/octet-stream", request.getHeader("Content-Type"));
        assertEquals(new JsonObject("""
                {"title": "Ready for pickup", "body": "Your Volkswagen Golf (AB19 CDE) is ready for pickup.",
                 "tag": "job-4b3c-status", "data": {"jobId": "4b3c", "status": "READY_FOR_PICKUP"}}"""),
                new JsonObject(subscriber.decrypt(request.getBody())));
    }

    @Test
    void identifiesItselfWithVapid() throws Exception {
        webPush.send(PushMessages.browser(stubs.httpsUrl() + path, subscriber), PushMessages.readyForPickup())
                .await().atMost(Duration.ofSeconds(10));

        Matcher vapid = VAPID.matcher(stubs.requestsTo(path).get(0).getHeader("Authorization"));
        assertTrue(vapid.matches());
        byte[] publicKey = KeyMaterial.rawPoint((ECPublicKey) stubs.vapidKeys.getPublic());
        assertEquals(KeyMaterial.base64Url(publicKey), vapid.group(2));
        JwtContext jwt = new JwtConsumerBuilder()
                .setVerificationKey(KeyMaterial.p256Point(KeyMaterial.base64Url(vapid.group(2))))
                .setExpectedAudience(stubs.httpsUrl())
                .setRequireExpirationTime()
                .build().process(vapid.group(1));
        assertEquals("ES256", jwt.getJoseObjects().get(0).getAlgorithmHeaderValue());
        JwtClaims claims = jwt.getJwtClaims();
        assertEquals(PushStubs.VAPID_SUBJECT, claims.getSubject());
        long lifetime = claims.getExpirationTime().getValue() - Instant.now().getEpochSecond();
        assertTrue(lifetime > 0 && lifetime <= 24 * 3600, "VAPID tokens live at most a day: " + lifetime);
    }

    @Test
    void aGoneSubscriptionIsReportedAsDead() {
        stubs.webPushAnswers(path, aResponse().withStatus(410));

        PushResult result = webPush.send(PushMessages.browser(stubs.httpsUrl() + path, subscriber),
                PushMessages.readyForPickup()).await().atMost(Duration.ofSeconds(10));

        assertEquals(new PushResult.TokenRejected("subscription gone (410)"), result);
    }
}
