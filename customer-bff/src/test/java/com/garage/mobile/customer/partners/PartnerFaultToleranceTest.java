package com.garage.mobile.customer.partners;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.partner.PartnerHttp;
import com.garage.mobile.platform.partner.nhtsa.NhtsaApi;
import com.garage.mobile.testing.MovableClock;
import com.garage.mobile.testing.PartnerStub;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each connector's failure modes with short guard settings: a timeout, a storm of 5xx opening the
 * breaker and its closing once the partner recovers, a slow partner filling the bulkhead, garbage
 * answers; and the screens answering all along, the request going through once the partner is back.
 */
@QuarkusTest
@TestProfile(PartnerFaultToleranceTest.ShortGuards.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PartnerStub.class)
class PartnerFaultToleranceTest {

    private static final String RECALLS = "/recalls/recallsByVehicle";
    private static final String RECALLS_GUARD = PartnerHttp.guardName(NhtsaApi.RECALLS);

    /** The roadside partner times out after 500 ms; NHTSA's breaker opens after 4 calls and retries after 1 s. */
    public static class ShortGuards implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String roadside = "garage.outbound.guard.partner-" + PartnerStub.PARTNER + ".";
            String recalls = "garage.outbound.guard." + RECALLS_GUARD + ".";
            return Map.ofEntries(Map.entry(roadside + "timeout", "500ms"), Map.entry(roadside + "max-retries", "0"),
                    Map.entry(roadside + "breaker-delay", "1s"),
                    Map.entry(recalls + "timeout", "5s"), Map.entry(recalls + "max-retries", "1"),
                    Map.entry(recalls + "request-volume-threshold", "4"), Map.entry(recalls + "breaker-delay", "1s"),
                    Map.entry(recalls + "success-threshold", "1"), Map.entry(recalls + "bulkhead-limit", "1"),
                    Map.entry(recalls + "bulkhead-queue", "1"));
        }
    }

    @Inject
    DataSource dataSource;

    @Inject
    CircuitBreakerMaintenance breakers;

    @TestHTTPResource("/")
    URI base;

    PartnerWorld world;
    MovableClock clock = new MovableClock();

    @BeforeEach
    void freshPartners() {
        PartnerStub.callbackTo(base.toString().replaceAll("/$", ""));
        QuarkusMock.installMockForType(clock, GarageClock.class);
        world = PartnerWorld.withFreshRecalls(dataSource, breakers);
    }

    @Test
    void aPartnerTimingOutLeavesTheRequestQueuedSaysSoAndItGoesOnceThePartnerIsBack() {
        PartnerStub.stub(post("/v1/assistance-requests").atPriority(0)
                .willReturn(aResponse().withStatus(201).withFixedDelay(2000).withBody("{}")));
        UUID id = askForAJumpStart();
        await().atMost(Duration.ofSeconds(15)).until(() -> attempts(id) >= 1);
        assertTrue(lastError(id).contains("Timeout"), lastError(id));
        given().auth().oauth2(TOKENS.of(world.carl)).get("/api/v1/roadside-requests/" + id).then().statusCode(200)
                .body("status", equalTo("REQUESTED")).body("delayed", equalTo(true))
                .body("notice", containsString("queued"));

        PartnerStub.reset();
        clock.moveTo(Instant.now().plus(Duration.ofMinutes(2)));
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(world.rows.one("select status from"
                + " roadside_request where id = ?", id).get("status")));
        given().auth().oauth2(TOKENS.of(world.carl)).get("/api/v1/roadside-requests/" + id).then()
                .body("delayed", equalTo(false));
    }

    @Test
    void aStormOf5xxOpensTheBreakerTheScreenStillAnswersAndTheBreakerClosesOnceThePartnerRecovers() {
        PartnerStub.stub(get(urlPathEqualTo(RECALLS)).atPriority(0).willReturn(aResponse().withStatus(503)));
        for (int i = 0; i < 2; i++) {
            programmes().statusCode(200).body("delayed", equalTo(true));
        }
        assertEquals(CircuitBreakerState.OPEN, breakers.currentState(RECALLS_GUARD));
        int calls = PartnerStub.requests(RECALLS).size();
        programmes().statusCode(200).body("delayed", equalTo(true));
        assertEquals(calls, PartnerStub.requests(RECALLS).size(), "an open breaker keeps the partner unasked");

        PartnerStub.reset();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).until(() -> !programmes()
                .extract().<Boolean>path("delayed"));
        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState(RECALLS_GUARD));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("garage_partner_calls_total{outcome=\"unavailable\",partner=\"nhtsa-recalls\"}"),
                "calls by outcome per partner");
        assertTrue(metrics.contains("garage_partner_breaker_state{partner=\"nhtsa-recalls\"}"));
    }

    @Test
    void aSlowPartnerFillsTheBulkheadAndTheOtherScreensAnswerAtOnce() {
        PartnerStub.stub(get(urlPathEqualTo(RECALLS)).atPriority(0).willReturn(aResponse().withStatus(200)
                .withFixedDelay(1500).withHeader("Content-Type", "application/json")
                .withBody("{\"Count\":0,\"Message\":\"Results returned successfully\",\"results\":[]}")));
        String token = TOKENS.of(world.carl);
        ExecutorService phones = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Boolean>> screens = IntStream.range(0, 4).mapToObj(i -> CompletableFuture
                    .supplyAsync(() -> given().auth().oauth2(token).get("/api/v1/vehicles/" + world.accord
                            + "/programmes").then().statusCode(200).extract().<Boolean>path("delayed"), phones))
                    .toList();
            List<Boolean> delayed = screens.stream().map(CompletableFuture::join).toList();
            assertEquals(2, PartnerStub.requests(RECALLS).size(), "one call in flight and one queued reach NHTSA");
            assertEquals(2L, delayed.stream().filter(d -> d).count(), "the rest are refused at once, answered delayed");
        } finally {
            phones.shutdown();
        }
    }

    @Test
    void aGarbageAnswerIsRefusedAndKeptOutOfTheLogsAndTheOutbox() {
        PartnerStub.stub(post("/v1/assistance-requests").atPriority(0).willReturn(aResponse().withStatus(200)
                .withBody("<html>ok +44 7700 900123</html>")));
        UUID id = askForAJumpStart();
        await().atMost(Duration.ofSeconds(15)).until(() -> attempts(id) >= 1);
        assertTrue(lastError(id).contains("not a JSON object"), lastError(id));
        assertFalse(lastError(id).contains("7700"));
        assertEquals(null, world.rows.one("select partner_reference from roadside_request where id = ?", id)
                .get("partner_reference"));
    }

    private UUID askForAJumpStart() {
        given().auth().oauth2(TOKENS.of(world.carl)).contentType(ContentType.JSON).body(Map.of("partner", PartnerStub.PARTNER, "granted", true))
                .put("/api/v1/partner-consents").then().statusCode(200);
        return UUID.fromString(given().auth().oauth2(TOKENS.of(world.carl)).contentType(ContentType.JSON)
                .body(Map.of("vehicleId", world.accord.toString(), "service", "JUMP_START", "latitude", 51.5,
                        "longitude", -0.12, "callbackPhone", "+44 7700 900123"))
                .post("/api/v1/roadside-requests").then().statusCode(200).body("delayed", equalTo(true))
                .extract().<String>path("id"));
    }

    private long attempts(UUID id) {
        return world.rows.count("select coalesce(max(attempts), 0) from outbound_work where dedupe_key = ?",
                "roadside:" + id + ":dispatch");
    }

    private String lastError(UUID id) {
        return String.valueOf(world.rows.one("select last_error from outbound_work where dedupe_key = ?",
                "roadside:" + id + ":dispatch").get("last_error"));
    }

    private io.restassured.response.ValidatableResponse programmes() {
        return given().auth().oauth2(TOKENS.of(world.carl)).get("/api/v1/vehicles/" + world.accord + "/programmes")
                .then();
    }
}
