package com.garage.mobile.customer.partners;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.partner.PartnerSignature;
import com.garage.mobile.platform.partner.roadside.RoadsidePolling;
import com.garage.mobile.testing.MovableClock;
import com.garage.mobile.testing.PartnerStub;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A partner's webhooks attacked and out of order, against a request the stub took without walking it. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PartnerStub.class)
class PartnerWebhookTest {

    private static final String WEBHOOK = "/webhooks/partners/" + PartnerStub.PARTNER;

    @Inject
    DataSource dataSource;

    @Inject
    RoadsidePolling polling;

    @Inject
    CircuitBreakerMaintenance breakers;

    PartnerWorld world;
    UUID requestId;
    String reference;

    @BeforeEach
    void aJumpStartThePartnerTook() {
        world = PartnerWorld.fresh(dataSource, breakers);
        PartnerStub.stub(post("/v1/assistance-requests").atPriority(0).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withTransformers("response-template")
                .withBody("{\"id\":\"rs-held-{{jsonPath request.body '$.reference'}}\"}")));
        given().auth().oauth2(TOKENS.of(world.carl)).contentType(ContentType.JSON).body(Map.of("partner", PartnerStub.PARTNER, "granted", true))
                .put("/api/v1/partner-consents").then().statusCode(200);
        requestId = UUID.fromString(given().auth().oauth2(TOKENS.of(world.carl)).contentType(ContentType.JSON)
                .body(Map.of("vehicleId", world.accord.toString(), "service", "JUMP_START", "latitude", 51.5,
                        "longitude", -0.12, "callbackPhone", "+44 7700 900123"))
                .post("/api/v1/roadside-requests").then().statusCode(200).extract().<String>path("id"));
        reference = "rs-held-" + requestId;
        await().atMost(Duration.ofSeconds(15)).until(() -> reference.equals(world.rows.one("select partner_reference"
                + " from roadside_request where id = ?", requestId).get("partner_reference")));
    }

    @Test
    void aSignedUpdateIsAppliedAndAReplayChangesNothing() {
        String event = event("evt-a-" + requestId, "accepted", Instant.now());
        deliver(event, sign(PartnerStub.WEBHOOK_SECRET, event)).statusCode(200)
                .body("duplicate", equalTo(false)).body("ignored", equalTo(false));
        assertEquals("ACCEPTED", status());
        long version = version();
        deliver(event, sign(PartnerStub.WEBHOOK_SECRET, event)).statusCode(200).body("duplicate", equalTo(true));
        assertEquals(version, version());
        assertEquals(1L, world.rows.count("select count(*) from partner_webhook_event where event_id = ?",
                "evt-a-" + requestId));
        assertEquals(2L, world.rows.count("select count(*) from roadside_event where request_id = ?", requestId));
    }

    @Test
    void theOldSecretIsAcceptedDuringARotation() {
        String event = event("evt-rot-" + requestId, "accepted", Instant.now());
        deliver(event, sign(PartnerStub.PREVIOUS_WEBHOOK_SECRET, event)).statusCode(200);
        assertEquals("ACCEPTED", status());
    }

    @Test
    void aBadOrOldSignatureIsRefusedAndChangesNothing() {
        String event = event("evt-forged-" + requestId, "completed", Instant.now());
        byte[] body = event.getBytes(StandardCharsets.UTF_8);
        for (String signature : List.of(PartnerSignature.header("someone-else", Instant.now(), body),
                PartnerSignature.header(PartnerStub.WEBHOOK_SECRET, Instant.now().minusSeconds(301), body),
                PartnerSignature.header(PartnerStub.WEBHOOK_SECRET, Instant.now(),
                        event.replace("completed", "on_site").getBytes(StandardCharsets.UTF_8)),
                "t=" + Instant.now().getEpochSecond(), "")) {
            deliver(event, signature).statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:garage:problem:webhook-signature-invalid"));
        }
        given().contentType(ContentType.JSON).body(event).post("/webhooks/partners/someone-unknown").then()
                .statusCode(404);
        assertEquals(0L, world.rows.count("select count(*) from partner_webhook_event where event_id = ?",
                "evt-forged-" + requestId));
        assertEquals("REQUESTED", status());
    }

    @Test
    void anOutOfOrderUpdateIsIgnoredAndTheLatestWordStands() {
        Instant now = Instant.now();
        String onSite = event("evt-late-" + requestId, "on_site", now);
        String enRoute = event("evt-early-" + requestId, "en_route", now.minusSeconds(30));
        deliver(onSite, sign(PartnerStub.WEBHOOK_SECRET, onSite)).statusCode(200).body("ignored", equalTo(false));
        long version = version();
        deliver(enRoute, sign(PartnerStub.WEBHOOK_SECRET, enRoute)).statusCode(200).body("ignored", equalTo(true));
        assertEquals("ON_SITE", status());
        assertEquals(version, version());
    }

    @Test
    void garbageIsRefusedLoggedWithoutItsContentAndNothingIsKept() {
        String towing = event("evt-towing-" + requestId, "towing", Instant.now());
        deliver(towing, sign(PartnerStub.WEBHOOK_SECRET, towing)).statusCode(400)
                .body("type", equalTo("urn:garage:problem:validation"));
        String unknown = new JsonObject(event("evt-odd-" + requestId, "accepted", Instant.now()))
                .put("status", "beamed-up").encode();
        deliver(unknown, sign(PartnerStub.WEBHOOK_SECRET, unknown)).statusCode(400);
        String notJson = "<html>+44 7700 900123</html>";
        deliver(notJson, sign(PartnerStub.WEBHOOK_SECRET, notJson)).statusCode(400)
                .body("type", equalTo("urn:garage:problem:malformed-body"));
        assertEquals(0L, world.rows.count("select count(*) from partner_webhook_event where event_id like ?",
                "evt-%-" + requestId));
        assertEquals("REQUESTED", status());
    }

    @Test
    void aRequestThatHeardNothingIsPolledAndTheAnswerAppliedAsTheScheduler() throws Throwable {
        MovableClock clock = new MovableClock();
        QuarkusMock.installMockForType(clock, GarageClock.class);
        clock.moveTo(Instant.now().plus(Duration.ofMinutes(3)));
        VertxContextSupport.subscribeAndAwait(() -> polling.pollOnce());
        assertEquals("EN_ROUTE", status());
        assertEquals(1L, world.rows.count("select count(*) from audit_entry where action = 'roadside.status'"
                + " and resource_id = ? and channel = 'scheduler'", requestId.toString()));
        assertEquals(1, PartnerStub.requests("/v1/assistance-requests/" + reference).size());
    }

    @Test
    void aReferenceThePartnerGaveAnotherRequestIsRefusedAndItsWebhookMovesOnlyTheFirst() {
        PartnerStub.stub(post("/v1/assistance-requests").atPriority(0).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"" + reference + "\"}")));
        UUID second = UUID.fromString(given().auth().oauth2(TOKENS.of(world.carl)).contentType(ContentType.JSON)
                .body(Map.of("vehicleId", world.accord.toString(), "service", "TOW", "latitude", 51.5,
                        "longitude", -0.12, "callbackPhone", "+44 7700 900123"))
                .post("/api/v1/roadside-requests").then().statusCode(200).extract().<String>path("id"));
        await().atMost(Duration.ofSeconds(15)).until(() -> "DEAD".equals(call(second).get("status")));
        assertEquals(PartnerStub.PARTNER + ": answered with reference " + reference
                + ", which it gave another request", call(second).get("last_error"));
        assertEquals(null, world.rows.one("select partner_reference from roadside_request where id = ?", second)
                .get("partner_reference"));

        String event = event("evt-twice-" + requestId, "accepted", Instant.now());
        deliver(event, sign(PartnerStub.WEBHOOK_SECRET, event)).statusCode(200).body("ignored", equalTo(false));
        assertEquals("ACCEPTED", status());
        assertEquals("REQUESTED", world.rows.one("select status from roadside_request where id = ?", second)
                .get("status"));
    }

    private Map<String, Object> call(UUID request) {
        return world.rows.one("select status, last_error from outbound_work where kind = 'roadside-call'"
                + " and dedupe_key = ?", "roadside:" + request + ":dispatch");
    }

    private String event(String id, String status, Instant at) {
        JsonObject event = new JsonObject().put("eventId", id).put("requestId", reference).put("status", status)
                .put("occurredAt", at.toString());
        if ("accepted".equals(status) || "en_route".equals(status)) {
            event.put("etaAt", at.plusSeconds(900).toString());
        }
        return event.encode();
    }

    private static String sign(String secret, String body) {
        return PartnerSignature.header(secret, Instant.now(), body.getBytes(StandardCharsets.UTF_8));
    }

    private static ValidatableResponse deliver(String body, String signature) {
        return given().header(PartnerSignature.HEADER, signature).contentType(ContentType.JSON).body(body)
                .post(WEBHOOK).then();
    }

    private String status() {
        return (String) world.rows.one("select status from roadside_request where id = ?", requestId).get("status");
    }

    private long version() {
        return (Long) world.rows.one("select version from roadside_request where id = ?", requestId).get("version");
    }
}
