package com.garage.mobile.customer.analytics;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class AnalyticsEventsTest {

    @Inject
    DataSource dataSource;

    GarageFixture garage;
    Person carl;
    Rows rows;
    String device;

    @BeforeEach
    void customer() {
        garage = GarageFixture.create(dataSource);
        carl = garage.customer("Carl", "Jensen");
        rows = new Rows(dataSource);
        device = "device-" + UUID.randomUUID();
    }

    @Test
    void eventsAreStoredWithWhatTheServerAdds() {
        UUID jobId = UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        send(List.of(event(id, "estimate.viewed", Map.of("jobId", jobId.toString()), Instant.now().minusSeconds(30), true)))
                .statusCode(200).body("accepted", equalTo(1)).body("events[0].status", equalTo("ACCEPTED"));

        Map<String, Object> row = rows.one("select name, source, garage_id, user_key, app, platform, app_version,"
                + " offline, journey_id, properties->>'jobId' as job from analytics_event where id = ?::uuid", id);
        assertEquals("estimate.viewed", row.get("name"));
        assertEquals("app", row.get("source"));
        assertEquals(garage.garageId, row.get("garage_id"));
        assertEquals("customer", row.get("app"));
        assertEquals("ios", row.get("platform"));
        assertEquals("2.3.1", row.get("app_version"));
        assertEquals(true, row.get("offline"));
        assertEquals(jobId, row.get("journey_id"));
        String userKey = (String) row.get("user_key");
        assertEquals(32, userKey.length());
        assertFalse(userKey.contains(carl.id().toString()) || userKey.contains(carl.subject()));
    }

    @Test
    void aBadEventIsRefusedAloneWithItsReasonAndTheRestIsKept() {
        String good = UUID.randomUUID().toString();
        List<Object> batch = new ArrayList<>();
        batch.add(event(good, "screen.viewed", Map.of("screen", "job-detail"), Instant.now(), false));
        batch.add(event(UUID.randomUUID().toString(), "screen.viewed", Map.of("screen", "Carl Jensen, 12 High St"),
                Instant.now(), false));
        batch.add(event(UUID.randomUUID().toString(), "no.such-event", Map.of(), Instant.now(), false));
        batch.add(event("not-a-uuid", "screen.viewed", Map.of("screen", "home"), Instant.now(), false));
        batch.add(event(UUID.randomUUID().toString(), "estimate.viewed", Map.of(), Instant.now(), false));
        batch.add(event(UUID.randomUUID().toString(), "screen.viewed", Map.of("screen", "home", "email", "c@x.io"),
                Instant.now(), false));
        batch.add(event(UUID.randomUUID().toString(), "screen.viewed", Map.of("screen", "home"),
                Instant.now().minus(Duration.ofDays(4)), true));
        batch.add(event(UUID.randomUUID().toString(), "estimate.approved",
                Map.of("jobId", UUID.randomUUID().toString()), Instant.now(), false));
        batch.add("not an object");

        send(batch).statusCode(200)
                .body("accepted", equalTo(1)).body("rejected", equalTo(8))
                .body("events[0].status", equalTo("ACCEPTED"))
                .body("events[1].field", equalTo("properties.screen"))
                .body("events[2].field", equalTo("name"))
                .body("events[3].field", equalTo("id"))
                .body("events[4].field", equalTo("properties.jobId"))
                .body("events[4].reason", equalTo("is required"))
                .body("events[5].field", equalTo("properties.email"))
                .body("events[6].field", equalTo("clientTime"))
                .body("events[7].field", equalTo("name"))
                .body("events[8].field", equalTo("event"));
        assertEquals(1, rows.count("select count(*) from analytics_event where garage_id = ?", garage.garageId));
    }

    @Test
    void aResentBatchCountsOnce() {
        List<Object> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            batch.add(event(UUID.randomUUID().toString(), "screen.viewed", Map.of("screen", "s" + i), Instant.now(), false));
        }
        send(batch).statusCode(200).body("accepted", equalTo(50));
        send(batch).statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(50));
        assertEquals(50, rows.count("select count(*) from analytics_event where garage_id = ?", garage.garageId));
    }

    @Test
    void concurrentResendsOfOneBatchStoreEachEventOnce() throws Exception {
        List<Object> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            batch.add(event(UUID.randomUUID().toString(), "screen.viewed", Map.of("screen", "s" + i), Instant.now(), false));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> resends = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                resends.add(() -> send(batch).statusCode(200).extract().path("accepted"));
            }
            int accepted = 0;
            for (var answer : pool.invokeAll(resends)) {
                accepted += answer.get();
            }
            assertEquals(20, accepted);
        } finally {
            pool.shutdown();
        }
        assertEquals(20, rows.count("select count(*) from analytics_event where garage_id = ?", garage.garageId));
    }

    @Test
    void aBatchOfMoreThanFiftyIsRefusedWholeAndNothingIsStored() {
        List<Object> batch = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            batch.add(event(UUID.randomUUID().toString(), "screen.viewed", Map.of("screen", "home"), Instant.now(), false));
        }
        send(batch).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:garage:problem:validation"));
        assertEquals(0, rows.count("select count(*) from analytics_event where garage_id = ?", garage.garageId));
    }

    @Test
    void theGaragesAppointmentStepsAreTheServersToRecordNotTheApps() {
        UUID appointment = UUID.randomUUID();
        List<Object> batch = List.of(
                event(UUID.randomUUID().toString(), "appointment.confirmed", Map.of("appointmentId", appointment.toString()),
                        Instant.now(), false),
                event(UUID.randomUUID().toString(), "appointment.checked-in", Map.of("appointmentId", appointment.toString()),
                        Instant.now(), false));

        send(batch).statusCode(200).body("accepted", equalTo(0)).body("rejected", equalTo(2))
                .body("events.status", everyItem(equalTo("REJECTED"))).body("events.field", everyItem(equalTo("name")));
        assertEquals(0, rows.count("select count(*) from analytics_event where journey_id = ?", appointment));
    }

    @Test
    void noEventsWithoutSigningIn() {
        given().contentType("application/json").body(Map.of("events", List.of()))
                .when().post("/api/v1/analytics/events").then().statusCode(401);
    }

    static Map<String, Object> event(String id, String name, Map<String, Object> properties, Instant at, boolean offline) {
        return Map.of("id", id, "name", name, "clientTime", at.toString(), "offline", offline, "properties", properties);
    }

    private ValidatableResponse send(List<Object> events) {
        return given().auth().oauth2(TOKENS.of(carl)).header("X-Device-Id", device)
                .header("X-App-Platform", "ios").header("X-App-Version", "2.3.1")
                .contentType("application/json").body(Map.of("events", events))
                .when().post("/api/v1/analytics/events").then();
    }
}
