package com.garage.mobile.technician.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.platform.push.ProviderUnavailableException;
import com.garage.mobile.platform.push.PushResult;
import com.garage.mobile.platform.push.apns.ApnsClient;
import com.garage.mobile.platform.push.fcm.FcmClient;
import com.garage.mobile.platform.push.webpush.WebPushClient;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Timeouts, retries and circuit breakers of the provider adapters, driven deterministically: the
 * breakers are reset before each test and their state asserted. The test profile shortens the
 * timeout to 5 s and the breaker's open time to 1 s.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PushProviderStubs.class)
class ProviderFaultToleranceTest {

    @InjectPushStubs
    PushStubs stubs;

    @Inject
    FcmClient fcm;

    @Inject
    ApnsClient apns;

    @Inject
    WebPushClient webPush;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void closedBreakersAndHealthyStubs() {
        stubs.reset();
        breakers.resetAll();
    }

    @Test
    void aPassingHiccupIsRetriedWithinOneSend() {
        String token = PushFixture.fcmToken();
        stubs.stub(post(urlEqualTo(PushStubs.FCM_SEND_PATH)).atPriority(1).inScenario("hiccup")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(503)));
        stubs.stub(post(urlEqualTo(PushStubs.FCM_SEND_PATH)).atPriority(1).inScenario("hiccup")
                .whenScenarioStateIs("recovered").willReturn(okJson("{\"name\": \"projects/garage-test/messages/2\"}")));

        PushResult result = fcm.send(PushMessages.android(token), PushMessages.readyForPickup())
                .await().atMost(Duration.ofSeconds(10));

        assertEquals(new PushResult.Delivered("projects/garage-test/messages/2"), result);
        assertEquals(2, stubs.fcmRequestsFor(token).size());
        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState(FcmClient.BREAKER));
    }

    @Test
    void anOutageOpensTheBreakerWhichClosesAgainOnceTheProviderRecovers() {
        String token = PushFixture.fcmToken();
        stubs.fcmAnswers(token, aResponse().withStatus(503).withBody("{\"error\": {\"status\": \"UNAVAILABLE\"}}"));

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Throwable failure = assertThrows(RuntimeException.class, () -> send(token));
            return failure instanceof CircuitBreakerOpenException;
        });
        assertEquals(CircuitBreakerState.OPEN, breakers.currentState(FcmClient.BREAKER));
        int callsWhileOpen = stubs.fcmRequestsFor(token).size();
        assertThrows(CircuitBreakerOpenException.class, () -> send(token));
        assertEquals(callsWhileOpen, stubs.fcmRequestsFor(token).size(), "an open breaker does not call FCM");

        stubs.fcmAnswers(token, okJson("{\"name\": \"projects/garage-test/messages/3\"}"));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300))
                .ignoreExceptionsInstanceOf(CircuitBreakerOpenException.class)
                .until(() -> send(token) instanceof PushResult.Delivered);
        send(token);
        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState(FcmClient.BREAKER));
        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState(ApnsClient.BREAKER),
                "each provider has a breaker of its own");
    }

    @Test
    void aSlowProviderTimesOutWithoutAnImmediateRetryThatCouldNotifyTwice() {
        String token = PushFixture.apnsToken();
        stubs.apnsAnswers(token, aResponse().withStatus(200).withFixedDelay(6_000));

        long started = System.nanoTime();
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> apns.send(PushMessages.iphone(token, false), PushMessages.readyForPickup())
                        .await().atMost(Duration.ofSeconds(20)));

        assertInstanceOf(TimeoutException.class, failure);
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 6);
        await().atMost(Duration.ofSeconds(5)).until(() -> !stubs.requestsTo("/3/device/" + token).isEmpty());
        assertEquals(1, stubs.requestsTo("/3/device/" + token).size());
    }

    @Test
    void aThrottlingPushServiceIsUnavailableNotRefused() {
        PushSubscriber subscriber = new PushSubscriber();
        String path = "/push/" + UUID.randomUUID();
        stubs.webPushAnswers(path, aResponse().withStatus(429).withHeader("Retry-After", "30"));

        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> webPush.send(PushMessages.browser(stubs.httpsUrl() + path, subscriber),
                        PushMessages.readyForPickup()).await().atMost(Duration.ofSeconds(10)));

        assertInstanceOf(ProviderUnavailableException.class, failure);
        assertEquals(3, stubs.requestsTo(path).size());
    }

    private PushResult send(String token) {
        return fcm.send(PushMessages.android(token), PushMessages.readyForPickup()).await().atMost(Duration.ofSeconds(10));
    }
}
