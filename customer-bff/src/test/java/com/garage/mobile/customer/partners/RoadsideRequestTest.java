package com.garage.mobile.customer.partners;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.testing.LiveClient;
import com.garage.mobile.testing.PartnerStub;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.SyncReplica;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PartnerStub.class)
class RoadsideRequestTest {

    @Inject
    DataSource dataSource;

    @Inject
    CircuitBreakerMaintenance breakers;

    @TestHTTPResource("/")
    URI base;

    PartnerWorld world;

    @BeforeEach
    void garageWithARoadsidePartner() {
        PartnerStub.callbackTo(base.toString().replaceAll("/$", ""));
        world = PartnerWorld.fresh(dataSource, breakers);
    }

    @Test
    void noHelpIsSentBeforeTheCustomerConsentsToShareLocationAndVehicle() {
        request(tow(true), null).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:garage:problem:partner-consent-required"));
        assertEquals(0, world.requests());
        assertEquals(0L, world.rows.count("select count(*) from outbound_work where kind = 'roadside-call'"
                + " and garage_id = ?", world.garage.garageId));
        assertEquals(0, PartnerStub.requests("/v1/assistance-requests").size());
    }

    @Test
    void theConsentIsRecordedWithTheTermsAndDataShownAndARetryChangesNothing() {
        consent(true).statusCode(200).body("consented", equalTo(true)).body("dataShared[0]", equalTo("location"));
        consent(true).statusCode(200);
        assertEquals(1L, world.rows.count("select count(*) from partner_consent where customer_id = ? and granted"
                + " and terms_sha256 ~ '^[0-9a-f]{64}$'", world.carl.id()));
        assertEquals(1L, world.rows.count("select count(*) from audit_entry where garage_id = ? and action ="
                + " 'partner.consent'", world.garage.garageId));
        given().auth().oauth2(TOKENS.of(world.carl)).get("/api/v1/partners").then().statusCode(200)
                .body("size()", equalTo(2)).body("find { it.partner == 'roadside-demo' }.consented", equalTo(true));
    }

    @Test
    void aTowToTheGarageIsWalkedToCompletionBySignedWebhooksWatchedLiveAndOpensAJobCardTheFrontDeskIsToldOf() {
        consent(true).statusCode(200);
        UUID device = world.phone(world.carl);
        world.consent(world.carl, "ROADSIDE");
        UUID advisorsPhone = world.phone(world.advisor);
        world.consent(world.advisor, "ROADSIDE");
        Person technician = world.garage.technician("Tess Wrench");
        UUID techniciansPhone = world.phone(technician);
        world.consent(technician, "ROADSIDE");
        try (LiveClient live = LiveClient.connect(base, LiveClient.PATH, TOKENS.of(world.carl), null)) {
            live.await("caught-up");
            String id = request(tow(true), "tow-key-0001").statusCode(200)
                    .body("status", equalTo("REQUESTED")).body("towToGarage", equalTo(true))
                    .extract().path("id");
            UUID requestId = UUID.fromString(id);

            await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(status(requestId)));
            Map<String, Object> row = world.rows.one("select * from roadside_request where id = ?", requestId);
            assertEquals("rs-" + requestId, row.get("partner_reference"));
            UUID jobId = (UUID) row.get("job_id");
            assertNotNull(jobId, "the tow opened a job card");
            assertEquals("OPEN", world.rows.one("select status from job_card where id = ?", jobId).get("status"));
            assertEquals(world.accord, world.rows.one("select vehicle_id from job_card where id = ?", jobId)
                    .get("vehicle_id"));

            List<String> seen = live.await(m -> "roadside".equals(m.getString("topic"))
                    && "COMPLETED".equals(m.getString("status"))) != null
                    ? live.events("roadside").stream().map(m -> m.getString("status")).distinct().toList() : List.of();
            assertEquals(List.of("REQUESTED", "ACCEPTED", "EN_ROUTE", "ON_SITE", "TOWING", "COMPLETED"), seen);
            JsonObject accepted = live.events("roadside").stream().filter(m -> "ACCEPTED".equals(m.getString("status")))
                    .findFirst().orElseThrow();
            assertNotNull(accepted.getString("etaAt"));
            assertEquals(null, accepted.getString("jobId"), "the customer app is not given the job card id");

            assertEquals(5L, world.rows.count("select count(*) from partner_webhook_event where partner = ?"
                    + " and payload->>'requestId' = ?", PartnerStub.PARTNER, "rs-" + requestId));
            assertEquals(5L, world.rows.count("select count(*) from audit_entry where action = 'roadside.status'"
                    + " and resource_id = ? and channel = 'webhook'", id));
            assertEquals(1L, world.rows.count("select count(*) from audit_entry where action = 'roadside.request'"
                    + " and resource_id = ? and channel = 'app'", id));
            assertEquals(1L, world.rows.count("select count(*) from audit_entry where action = 'job.open-from-tow'"
                    + " and resource_id = ?", jobId.toString()));
            await().atMost(Duration.ofSeconds(10)).until(() -> world.pushes(device, "ROADSIDE") == 5);
            Map<String, Object> towNotice = world.rows.one("select n.title, w.payload->'data'->>'type' as type,"
                    + " w.payload->'data'->>'jobId' as job from notification_outbox n join outbound_work w on w.id = n.id"
                    + " where n.device_id = ?", advisorsPhone);
            assertEquals("roadside.tow-inbound", towNotice.get("type"));
            assertEquals(jobId.toString(), towNotice.get("job"));
            assertTrue(towNotice.get("title").toString().startsWith("Tow on its way: Honda Accord"),
                    towNotice.get("title").toString());
            assertEquals(1L, world.pushes(advisorsPhone, "ROADSIDE"), "the advisor is told once");
            assertEquals(0L, world.pushes(techniciansPhone, "ROADSIDE"), "technicians are not the front desk");
        }
        JsonObject sent = new JsonObject(PartnerStub.requests("/v1/assistance-requests").get(0).getBodyAsString());
        assertEquals("tow", sent.getString("service"));
        assertEquals(PartnerWorld.VIN, sent.getJsonObject("vehicle").getString("vin"));
        assertEquals("+44 7700 900123", sent.getString("callbackPhone"));
        assertEquals("Bearer " + PartnerStub.API_KEY,
                PartnerStub.requests("/v1/assistance-requests").get(0).getHeader("Authorization"));
    }

    @Test
    void aReplayedIdempotencyKeyReturnsTheFirstRequest() {
        consent(true).statusCode(200);
        String first = request(tow(false), "same-key-0002").statusCode(200).extract().path("id");
        request(tow(false), "same-key-0002").statusCode(200).body("id", equalTo(first));
        assertEquals(1, world.requests());
    }

    @Test
    void badInputIsNamedFieldByFieldAndNothingIsStored() {
        consent(true).statusCode(200);
        Map<String, Object> bad = new HashMap<>(tow(true));
        bad.put("latitude", 123.0);
        bad.put("service", "FUEL");
        request(bad, null).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:garage:problem:validation"))
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("latitude", "towToGarage"));
        Map<String, Object> badPhone = new HashMap<>(tow(false));
        badPhone.put("callbackPhone", "call me");
        request(badPhone, null).statusCode(400).body("errors[0].field", org.hamcrest.Matchers.endsWith("callbackPhone"));
        Map<String, Object> notMine = new HashMap<>(tow(false));
        notMine.put("vehicleId", world.garage.vehicle(world.garage.customer("Dana", "Other")).toString());
        request(notMine, null).statusCode(400).body("errors[0].field", equalTo("vehicleId"));
        assertEquals(0, world.requests());
    }

    @Test
    void theCustomerCancelsAndThePartnerIsToldThroughTheOutbox() {
        consent(true).statusCode(200);
        PartnerStub.stub(com.github.tomakehurst.wiremock.client.WireMock.post("/v1/assistance-requests").atPriority(0)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(201)
                        .withHeader("Content-Type", "application/json").withTransformers("response-template")
                        .withBody("{\"id\":\"rs-quiet-{{jsonPath request.body '$.reference'}}\",\"status\":\"requested\","
                                + "\"occurredAt\":\"2026-01-01T00:00:00Z\"}")));
        String id = request(tow(false), null).statusCode(200).extract().path("id");
        await().atMost(Duration.ofSeconds(15)).until(() -> world.rows.one("select partner_reference from"
                + " roadside_request where id = ?", UUID.fromString(id)).get("partner_reference") != null);
        given().auth().oauth2(TOKENS.of(world.carl)).post("/api/v1/roadside-requests/" + id + "/cancel").then()
                .statusCode(200).body("status", equalTo("CANCELLED"));
        await().atMost(Duration.ofSeconds(15)).until(() -> !PartnerStub.requests(
                "/v1/assistance-requests/rs-quiet-" + id + "/cancel").isEmpty());
        given().auth().oauth2(TOKENS.of(world.garage.customer("Eve", "Else"))).get("/api/v1/roadside-requests/" + id)
                .then().statusCode(404);
        assertTrue(world.rows.count("select count(*) from audit_entry where action = 'roadside.cancel'"
                + " and resource_id = ?", id) == 1);
    }

    @Test
    void theRequestIsInTheCustomersOfflineCopyFollowingItsStatusAndNoOneElsesCopy() {
        consent(true).statusCode(200);
        UUID id = UUID.fromString(request(tow(false), null).statusCode(200).extract().path("id"));
        String key = SyncReplica.key("roadside-request", id);
        SyncReplica carls = new SyncReplica(TOKENS.of(world.carl)).catchUp(100);
        SyncReplica eves = new SyncReplica(TOKENS.of(world.garage.customer("Eve", "Else"))).catchUp(100);

        assertEquals("TOW", carls.records.get(key).get("service"));
        assertEquals(world.accord.toString(), carls.records.get(key).get("vehicleId"));
        carls.assertChecksumMatches();

        given().auth().oauth2(TOKENS.of(world.carl)).post("/api/v1/roadside-requests/" + id + "/cancel").then()
                .statusCode(200);
        carls.catchUpUntil(100, r -> r.upserted.contains(key) && "CANCELLED".equals(r.records.get(key).get("status")));
        carls.assertChecksumMatches();
        eves.catchUp(100);
        assertFalse(eves.records.containsKey(key) || eves.upserted.contains(key) || eves.tombstoned.contains(key));
        eves.assertChecksumMatches();
    }

    private ValidatableResponse consent(boolean granted) {
        return given().auth().oauth2(TOKENS.of(world.carl)).contentType(ContentType.JSON)
                .body(Map.of("partner", PartnerStub.PARTNER, "granted", granted)).put("/api/v1/partner-consents").then();
    }

    private ValidatableResponse request(Map<String, Object> body, String key) {
        var call = given().auth().oauth2(TOKENS.of(world.carl)).contentType(ContentType.JSON).body(body);
        if (key != null) {
            call.header("Idempotency-Key", key);
        }
        return call.post("/api/v1/roadside-requests").then();
    }

    private Map<String, Object> tow(boolean toGarage) {
        Map<String, Object> body = new HashMap<>();
        body.put("vehicleId", world.accord.toString());
        body.put("service", "TOW");
        body.put("latitude", 51.5007);
        body.put("longitude", -0.1246);
        body.put("address", "Westminster Bridge Rd");
        body.put("callbackPhone", "+44 7700 900123");
        body.put("towToGarage", toGarage);
        return body;
    }

    private String status(UUID requestId) {
        return (String) world.rows.one("select status from roadside_request where id = ?", requestId).get("status");
    }

}
