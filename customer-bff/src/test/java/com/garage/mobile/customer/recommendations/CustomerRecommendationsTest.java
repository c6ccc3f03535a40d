package com.garage.mobile.customer.recommendations;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.telemetry.TelemetryService;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.LiveClient;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import com.garage.mobile.testing.SyncReplica;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The customer's odometer reading makes the oil service due; they see why, book it, and nobody else
 * sees or touches it. Bad telemetry is explained and stores nothing.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class CustomerRecommendationsTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    Rows rows;
    GarageFixture garage;
    Person carl;
    Person cora;
    UUID golf;
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void carlsGolfHadItsOilChanged200DaysAgoAt30000Km() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        carl = garage.customer("Carl", "Jensen");
        cora = garage.customer("Cora", "Li");
        golf = garage.vehicle(carl);
        garage.pastService(carl, golf, "Oil change", 30_000, now.minus(Duration.ofDays(200)));
    }

    @Test
    void aReadingThatBringsTheOilServiceCloseMakesItDueWithItsReasonsAndCarlBooksIt() {
        long seen;
        try (LiveClient carlsApp = LiveClient.connect(base, LiveClient.PATH, TOKENS.of(carl), null);
                LiveClient corasApp = LiveClient.connect(base, LiveClient.PATH, TOKENS.of(cora), null)) {
            carlsApp.await("caught-up");
            corasApp.await("caught-up");
            report(carl, Map.of("odometerKm", 42_000, "readAt", now.minus(Duration.ofDays(60)).toString()))
                    .statusCode(200).body("odometer.status", equalTo("STORED"));
            report(carl, Map.of("odometerKm", 44_500)).statusCode(200).body("odometer.km", equalTo(44_500));
            JsonObject event = carlsApp.await(m -> "recommendation".equals(m.getString("topic")));
            assertEquals("event", event.getString("type"));
            assertEquals("recommendations.new", event.getString("event"));
            assertEquals(golf.toString(), event.getString("vehicleId"));
            seen = event.getLong("eventId");
            assertTrue(corasApp.events("recommendation").isEmpty(), "another customer hears nothing of it");
        }
        garage.sql("insert into estimate_line (id, garage_id, job_id, position, kind, description, quantity,"
                + " unit_price_minor, tax_rate_bp, approval_status, decided_at) select ?, garage_id, id, 1, 'LABOUR',"
                + " 'Replace wiper blades', 1, 1900, 2000, 'DECLINED', now() from job_card where vehicle_id = ?",
                UUID.randomUUID(), golf);
        report(carl, Map.of("codes", List.of("P0420"))).statusCode(200);
        try (LiveClient carlsAppBack = LiveClient.connect(base, LiveClient.PATH, TOKENS.of(carl), seen)) {
            JsonObject missed = carlsAppBack.await(m -> "recommendation".equals(m.getString("topic")));
            assertTrue(missed.getLong("eventId") > seen, "an app that was away is sent the event it missed");
            assertEquals(rows.one("select id from recommendation where vehicle_id = ?"
                    + " and kind = 'DECLINED_FOLLOW_UP'", golf).get("id").toString(),
                    missed.getJsonArray("recommendationIds").getString(0));
        }
        assertEquals(2L, rows.count("select count(*) from recommendation_event where vehicle_id = ?"
                + " and published_at is not null", golf));

        given().auth().oauth2(TOKENS.of(carl)).get("/api/v1/vehicles/{id}/telemetry", golf).then().log().ifValidationFails().statusCode(200)
                .body("mileage.basis", equalTo("READINGS")).body("mileage.kmPerDay", equalTo(41.7f));
        String id = given().auth().oauth2(TOKENS.of(carl)).get("/api/v1/vehicles/{id}/recommendations", golf)
                .then().statusCode(200)
                .body("find { it.kind == 'SERVICE_DUE' && it.title.startsWith('Oil') }.title",
                        equalTo("Oil and filter change is due soon"))
                .body("find { it.title.startsWith('Oil') }.reasons[0]", containsString("at 30,000 km"))
                .body("find { it.title.startsWith('Oil') }.reasons[2]", containsString("reaches 45,000 km"))
                .body("find { it.title.startsWith('Oil') }.evidence.lastDoneKm", equalTo(30_000))
                .body("find { it.title.startsWith('Oil') }.actions.kind", hasItem("BOOK"))
                .extract().path("find { it.title.startsWith('Oil') }.id");
        assertEquals(1L, rows.count("select count(*) from recommendation_outcome where recommendation_id = ?::uuid"
                + " and outcome = 'SHOWN'", id));

        given().auth().oauth2(TOKENS.of(cora)).get("/api/v1/vehicles/{id}/recommendations", golf).then()
                .statusCode(404);
        act(cora, id, Map.of("action", "BOOK")).statusCode(404);
        assertEquals(0L, rows.count("select count(*) from appointment where vehicle_id = ?", golf));
        String appointmentId = act(carl, id, Map.of("action", "BOOK")).statusCode(200)
                .body("status", equalTo("BOOKED")).extract().path("appointmentId");
        act(carl, id, Map.of("action", "DISMISS")).statusCode(409)
                .body("type", equalTo("urn:garage:problem:invalid-transition"));
        act(carl, id, Map.of("action", "BOOK")).statusCode(409);

        Map<String, Object> appointment = rows.one("select customer_id, status, service_requested from appointment"
                + " where id = ?::uuid and vehicle_id = ?", appointmentId, golf);
        assertEquals(carl.id(), appointment.get("customer_id"));
        assertEquals("REQUESTED", appointment.get("status"));
        assertEquals("Recommended: Oil and filter change is due soon", appointment.get("service_requested"));
        assertEquals(1L, rows.count("select count(*) from appointment where vehicle_id = ?", golf));
        assertEquals(appointmentId, String.valueOf(rows.one("select appointment_id from recommendation where id = ?::uuid",
                id).get("appointment_id")));
        given().auth().oauth2(TOKENS.of(carl)).get("/api/v1/appointments/{id}", appointmentId).then().statusCode(200)
                .body("status", equalTo("REQUESTED"));
        given().auth().oauth2(TOKENS.of(cora)).get("/api/v1/appointments/{id}", appointmentId).then().statusCode(404);

        assertEquals("BOOKED", rows.one("select status from recommendation where id = ?::uuid", id).get("status"));
        assertEquals(List.of("SHOWN", "BOOKED"), rows.query("select outcome from recommendation_outcome"
                + " where recommendation_id = ?::uuid order by id", id).stream().map(r -> r.get("outcome")).toList());
        assertEquals(1L, rows.count("select count(*) from audit_entry where garage_id = ? and action ="
                + " 'recommendation.book' and outcome = 'SUCCESS' and resource_id = ?", garage.garageId, id));
        assertEquals(1L, rows.count("select count(*) from audit_entry where garage_id = ? and action ="
                + " 'recommendation.dismiss' and outcome = 'CONFLICT'", garage.garageId));
    }

    @Test
    void aDismissedRecommendationStaysQuietAndASnoozeNeedsSensibleDays() {
        report(carl, Map.of("odometerKm", 42_000, "readAt", now.minus(Duration.ofDays(60)).toString()));
        report(carl, Map.of("odometerKm", 44_500));
        String id = given().auth().oauth2(TOKENS.of(carl)).get("/api/v1/vehicles/{id}/recommendations", golf)
                .then().extract().path("find { it.title.startsWith('Oil') }.id");

        SyncReplica carlsCopy = new SyncReplica(TOKENS.of(carl)).catchUp(100);
        assertEquals("Oil and filter change is due soon",
                carlsCopy.records.get(SyncReplica.key("recommendation", UUID.fromString(id))).get("title"));
        carlsCopy.assertChecksumMatches();
        assertFalse(new SyncReplica(TOKENS.of(cora)).catchUp(100).records
                .containsKey(SyncReplica.key("recommendation", UUID.fromString(id))));

        act(carl, id, Map.of("action", "SNOOZE", "days", 0)).statusCode(400).body("errors[0].field", equalTo("days"));
        assertEquals("OPEN", rows.one("select status from recommendation where id = ?::uuid", id).get("status"));
        act(carl, id, Map.of("action", "DISMISS")).statusCode(200).body("status", equalTo("DISMISSED"));

        report(carl, Map.of("odometerKm", 44_700));
        given().auth().oauth2(TOKENS.of(carl)).get("/api/v1/vehicles/{id}/recommendations", golf).then()
                .statusCode(200).body("id", not(hasItem(id)));
        assertEquals("DISMISSED", rows.one("select status from recommendation where id = ?::uuid", id).get("status"));
        carlsCopy.catchUp(100);
        assertTrue(carlsCopy.tombstoned.contains(SyncReplica.key("recommendation", UUID.fromString(id))),
                "a dismissed recommendation leaves the offline copy");
    }

    @Test
    void badTelemetryIsExplainedAndStoresNothing() {
        report(carl, Map.of("odometerKm", 45_000)).statusCode(200);

        report(carl, Map.of("odometerKm", 44_000)).statusCode(400)
                .body("type", equalTo("urn:garage:problem:validation"))
                .body("errors[0].field", equalTo("odometerKm"))
                .body("errors[0].message", containsString("below the reading of 45,000 km"));
        report(carl, Map.of("odometerKm", 44_990)).statusCode(200).body("odometer.status", equalTo("DUPLICATE"))
                .body("odometer.km", equalTo(45_000));
        report(carl, Map.of("odometerKm", 46_000, "codes", List.of("P0301", "X123"))).statusCode(400)
                .body("errors[0].field", equalTo("codes[1]"));
        report(carl, Map.of()).statusCode(400).body("errors[0].field", equalTo("odometerKm"));
        report(cora, Map.of("odometerKm", 50_000)).statusCode(404);

        assertEquals(List.of(45_000), rows.query("select odometer_km from odometer_reading where vehicle_id = ?", golf)
                .stream().map(r -> r.get("odometer_km")).toList());
        assertEquals(0L, rows.count("select count(*) from vehicle_trouble_code where vehicle_id = ?", golf));
        assertEquals(4L, rows.count("select count(*) from audit_entry where garage_id = ? and action = ?"
                + " and outcome = 'REFUSED'", garage.garageId, TelemetryService.ACTION));
    }

    @Test
    void aCodeSentAgainIsTheSameFindingSeenOnceMore() {
        report(carl, Map.of("codes", List.of("p0301", "P0301"))).statusCode(200)
                .body("codes[0].code", equalTo("P0301")).body("codes[0].isNew", equalTo(true))
                .body("codes.size()", equalTo(1));
        report(carl, Map.of("codes", List.of("P0301"))).statusCode(200)
                .body("codes[0].timesSeen", equalTo(2)).body("codes[0].isNew", equalTo(false));
        assertEquals(2, rows.one("select times_seen from vehicle_trouble_code where vehicle_id = ?", golf)
                .get("times_seen"));
    }

    ValidatableResponse report(Person who, Map<String, Object> body) {
        return given().auth().oauth2(TOKENS.of(who)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/vehicles/{id}/telemetry", golf).then();
    }

    static ValidatableResponse act(Person who, String id, Map<String, Object> body) {
        return given().auth().oauth2(TOKENS.of(who)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/recommendations/{id}/outcome", id).then();
    }
}
