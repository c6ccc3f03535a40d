package com.garage.mobile.customer.partners;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.partner.roadside.RoadsidePolling;
import com.garage.mobile.testing.MovableClock;
import com.garage.mobile.testing.PartnerStub;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The second roadside partner, on Arity's published rescue API shapes (ArityRoadside), against the stub: a tow
 * goes out as a session and a tow rescue, is polled through BOOKED, EN-ROUTE, APPROACHING, ARRIVED_ONSITE and
 * COMPLETED into our states, and a cancel carries the session.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PartnerStub.class)
class ArityRoadsideWalkTest {

    @Inject
    DataSource dataSource;

    @Inject
    RoadsidePolling polling;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Test
    void aTowIsSentAsASessionAndARescueAndPolledThroughArityStatusesIntoOurs() throws Throwable {
        PartnerWorld world = PartnerWorld.fresh(dataSource, breakers);
        // Only this test uses the Arity partner; an open request a broken earlier run left would take the stub's
        // one scenario a step further.
        world.garage.sql("update roadside_request set status = 'CANCELLED' where partner = ?"
                + " and status not in ('COMPLETED', 'CANCELLED', 'GONE_ON_ARRIVAL', 'UNSUCCESSFUL')",
                PartnerStub.ARITY_PARTNER);
        world.garage.sql("update garage_partner set partner = ? where garage_id = ? and partner = ?",
                PartnerStub.ARITY_PARTNER, world.garage.garageId, PartnerStub.PARTNER);
        given().auth().oauth2(TOKENS.of(world.carl)).contentType(ContentType.JSON)
                .body(Map.of("partner", PartnerStub.ARITY_PARTNER, "granted", true)).put("/api/v1/partner-consents")
                .then().statusCode(200);
        UUID id = UUID.fromString(given().auth().oauth2(TOKENS.of(world.carl)).contentType(ContentType.JSON)
                .body(Map.of("vehicleId", world.accord.toString(), "service", "TOW", "latitude", 51.5007,
                        "longitude", -0.1246, "callbackPhone", "+44 7700 900123"))
                .post("/api/v1/roadside-requests").then().statusCode(200).extract().<String>path("id"));

        await().atMost(Duration.ofSeconds(15)).until(() -> reference(world, id) != null);
        JsonObject session = new JsonObject(PartnerStub.requests("/services/roadside/v1/rescue/session").get(0)
                .getBodyAsString());
        assertEquals(PartnerStub.ARITY_APP_ID, session.getString("appId"));
        assertEquals(PartnerWorld.VIN, session.getJsonArray("benefits").getJsonObject(0).getString("value"));
        JsonObject rescue = new JsonObject(PartnerStub.requests("/services/roadside/v1/rescue/tow").get(0)
                .getBodyAsString());
        assertEquals(id.toString(), rescue.getString("referenceId"));
        assertEquals("+44 7700 900123", rescue.getString("contactPhone"));
        String reference = reference(world, id);
        assertTrue(reference.startsWith("AR-" + id + "~"), reference);
        assertEquals(reference.substring(reference.indexOf('~') + 1), rescue.getString("sessionId"),
                "the rescue is asked for in the session Arity opened");

        UUID jumpStart = UUID.fromString(given().auth().oauth2(TOKENS.of(world.carl)).contentType(ContentType.JSON)
                .body(Map.of("vehicleId", world.accord.toString(), "service", "JUMP_START", "latitude", 51.5007,
                        "longitude", -0.1246, "callbackPhone", "+44 7700 900123"))
                .post("/api/v1/roadside-requests").then().statusCode(200).extract().<String>path("id"));
        await().atMost(Duration.ofSeconds(15)).until(() -> reference(world, jumpStart) != null);
        given().auth().oauth2(TOKENS.of(world.carl)).post("/api/v1/roadside-requests/" + jumpStart + "/cancel")
                .then().statusCode(200);
        String cancelled = reference(world, jumpStart);
        await().atMost(Duration.ofSeconds(15)).until(() -> !PartnerStub.requests("/services/roadside/v1/rescue/reqId/"
                + cancelled.substring(0, cancelled.indexOf('~')) + "/cancel").isEmpty());
        assertEquals(cancelled.substring(cancelled.indexOf('~') + 1), new JsonObject(PartnerStub.requests(
                "/services/roadside/v1/rescue/reqId/.*/cancel").get(0).getBodyAsString()).getString("sessionId"));
        assertEquals(1, PartnerStub.requests("/services/roadside/v1/rescue/battery").size(),
                "a jump start is a battery rescue");

        MovableClock clock = new MovableClock();
        QuarkusMock.installMockForType(clock, GarageClock.class);
        List<String> walked = new ArrayList<>();
        Object firstEta = null;
        for (int poll = 0; poll < 5; poll++) {
            clock.moveTo(Instant.now().plus(Duration.ofMinutes(3L * (poll + 1))));
            VertxContextSupport.subscribeAndAwait(() -> polling.pollOnce());
            Map<String, Object> row = world.rows.one("select status, eta_at from roadside_request where id = ?", id);
            walked.add((String) row.get("status"));
            if (poll == 0) {
                firstEta = row.get("eta_at");
            }
        }
        assertEquals(List.of("ACCEPTED", "EN_ROUTE", "EN_ROUTE", "ON_SITE", "COMPLETED"), walked);
        assertNotNull(firstEta, "BOOKED came with its ETA in minutes");
        assertEquals(5L, world.rows.count("select count(*) from audit_entry where action = 'roadside.status'"
                + " and resource_id = ? and channel = 'scheduler'", id.toString()));
        assertTrue(PartnerStub.requests("/services/roadside/v1/rescue/reqId/[^/]+").stream()
                .allMatch(polled -> polled.getUrl().contains("sessionId=")), "every poll names the session");
    }

    private static String reference(PartnerWorld world, UUID id) {
        return (String) world.rows.one("select partner_reference from roadside_request where id = ?", id)
                .get("partner_reference");
    }
}
