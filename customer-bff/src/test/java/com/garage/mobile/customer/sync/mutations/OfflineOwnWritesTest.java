package com.garage.mobile.customer.sync.mutations;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.PlanCacheMisses;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class OfflineOwnWritesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    @Inject
    Mutiny.SessionFactory sessions;

    Rows rows;
    GarageFixture garage;
    Person carl;
    Person dana;
    UUID carlsCar;
    UUID nextWeek;
    UUID tomorrow;
    Instant inTenDays;

    @BeforeEach
    void createCustomers() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        carl = garage.customer("Carl", "Jensen");
        dana = garage.customer("Dana", "Okafor");
        carlsCar = garage.vehicle(carl);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        nextWeek = garage.appointment(carl, carlsCar, now.plus(Duration.ofDays(7)), "CONFIRMED");
        tomorrow = garage.appointment(carl, carlsCar, now.plus(Duration.ofDays(1)), "REQUESTED");
        inTenDays = now.plus(Duration.ofDays(10));
    }

    @Test
    void batchAppliesInOrderWithVersionsAndAudit() {
        send(TOKENS.of(carl), profile(UUID.randomUUID(), carl.id(), 0, Map.of("firstName", "Carlos",
                        "preferredLanguage", "da-DK")),
                reschedule(UUID.randomUUID(), nextWeek, 0, inTenDays),
                cancel(UUID.randomUUID(), tomorrow, 0))
                .statusCode(200)
                .body("results.result", contains("applied", "applied", "applied"))
                .body("results[0].record.firstName", equalTo("Carlos"))
                .body("results[0].record.preferredLanguage", equalTo("da-DK"))
                .body("results[0].version", equalTo(1))
                .body("results[1].record.startsAt", equalTo(inTenDays.toString()))
                .body("results[1].record.status", equalTo("REQUESTED"))
                .body("results[1].version", equalTo(1))
                .body("results[2].record.status", equalTo("CANCELLED"))
                .body("results[2].record.changeable", equalTo(false));

        Map<String, Object> me = rows.one("select first_name, preferred_language, email, version from customer"
                + " where id = ?", carl.id());
        assertEquals("Carlos", me.get("first_name"));
        assertEquals("carl@example.com", me.get("email"));
        assertEquals(1L, me.get("version"));
        Map<String, Object> moved = rows.one("select status, version from appointment where id = ?", nextWeek);
        assertEquals(inTenDays.getEpochSecond(), rows.count("select extract(epoch from starts_at)::bigint"
                + " from appointment where id = ?", nextWeek));
        assertEquals(inTenDays.plusSeconds(3600).getEpochSecond(), rows.count("select extract(epoch from ends_at)::bigint"
                + " from appointment where id = ?", nextWeek));
        assertEquals("REQUESTED", moved.get("status"));
        assertEquals(1L, moved.get("version"));
        assertEquals("CANCELLED", rows.one("select status from appointment where id = ?", tomorrow).get("status"));
        List<Map<String, Object>> audit = rows.query("select action, outcome, device_id from audit_entry"
                + " where garage_id = ? order by id", garage.garageId);
        assertEquals(List.of("profile.update", "appointment.reschedule", "appointment.cancel"),
                audit.stream().map(a -> a.get("action")).toList());
        audit.forEach(entry -> {
            assertEquals("SUCCESS", entry.get("outcome"));
            assertEquals("iphone-carl", entry.get("device_id"));
        });
        assertEquals(3L, rows.count("select count(*) from sync_mutation where person_id = ?", carl.id()));
    }

    /** Once warm, a device's offline writes make no query plan of their own (a native select would, every time). */
    @Test
    void offlineWritesRunFromKeptQueryPlans() {
        long version = 0;
        for (; version < 2; version++) {
            send(TOKENS.of(carl), profile(UUID.randomUUID(), carl.id(), version, Map.of("lastName", "Warm " + version)))
                    .statusCode(200).body("results[0].result", equalTo("applied"));
        }
        int batches = 5;
        long first = version;
        long made = PlanCacheMisses.during(sessions, () -> {
            for (long v = first; v < first + batches; v++) {
                send(TOKENS.of(carl), profile(UUID.randomUUID(), carl.id(), v, Map.of("lastName", "Jensen " + v)))
                        .statusCode(200).body("results[0].result", equalTo("applied"));
            }
        });
        assertTrue(made < batches, made + " plans made for " + batches + " batches");
        assertEquals("Jensen " + (first + batches - 1), rows.one("select last_name from customer where id = ?",
                carl.id()).get("last_name"));
    }

    @Test
    void replayingTheWholeBatchAfterALostAnswerReturnsTheFirstResultsAndChangesNothing() throws Exception {
        List<Map<String, Object>> batch = List.of(
                profile(UUID.randomUUID(), carl.id(), 0, Map.of("lastName", "Jensen-Berg")),
                reschedule(UUID.randomUUID(), nextWeek, 0, inTenDays),
                cancel(UUID.randomUUID(), tomorrow, 7),
                reschedule(UUID.randomUUID(), tomorrow, 0, Instant.now().minusSeconds(3600)));
        JsonNode first = JSON.readTree(send(TOKENS.of(carl), batch).statusCode(200).extract().asString());
        assertEquals("applied", first.at("/results/1/result").asText());
        assertEquals("conflict", first.at("/results/2/result").asText());
        assertEquals("rejected", first.at("/results/3/result").asText());
        Map<String, Object> before = snapshot();

        JsonNode replay = JSON.readTree(send(TOKENS.of(carl), batch).statusCode(200).extract().asString());

        assertEquals(first, replay);
        assertEquals(before, snapshot());
    }

    @Test
    void staleBaseVersionConflictsWithTheCurrentProfileWhileTheNextMutationApplies() {
        garage.sql("update customer set version = 4, first_name = 'Karl' where id = ?", carl.id());
        send(TOKENS.of(carl), profile(UUID.randomUUID(), carl.id(), 2, Map.of("firstName", "Carlos")),
                cancel(UUID.randomUUID(), tomorrow, 0))
                .statusCode(200)
                .body("results[0].result", equalTo("conflict"))
                .body("results[0].version", equalTo(4))
                .body("results[0].record.firstName", equalTo("Karl"))
                .body("results[0].problem.type", equalTo("urn:garage:problem:stale-version"))
                .body("results[1].result", equalTo("applied"));
        Map<String, Object> me = rows.one("select first_name, version from customer where id = ?", carl.id());
        assertEquals("Karl", me.get("first_name"));
        assertEquals(4L, me.get("version"));
        assertEquals(1L, rows.count("select count(*) from audit_entry where garage_id = ? and outcome = 'CONFLICT'",
                garage.garageId));
    }

    @Test
    void anotherCustomersAndAnotherGaragesRecordsAreNotFoundAndChangeNothing() {
        UUID danasVisit = garage.appointment(dana, garage.vehicle(dana), inTenDays, "CONFIRMED");
        GarageFixture other = GarageFixture.create(dataSource);
        Person otto = other.customer("Otto", "Berg");
        UUID ottosVisit = other.appointment(otto, other.vehicle(otto), inTenDays, "CONFIRMED");
        Map<String, Object> before = snapshot();

        send(TOKENS.of(carl), cancel(UUID.randomUUID(), danasVisit, 0),
                reschedule(UUID.randomUUID(), ottosVisit, 0, inTenDays.plusSeconds(3600)),
                profile(UUID.randomUUID(), dana.id(), 0, Map.of("firstName", "Hacked")),
                profile(UUID.randomUUID(), otto.id(), 0, Map.of("firstName", "Hacked")))
                .statusCode(200)
                .body("results.result", contains("rejected", "rejected", "rejected", "rejected"))
                .body("results.problem.type", contains("urn:garage:problem:not-found", "urn:garage:problem:not-found",
                        "urn:garage:problem:not-found", "urn:garage:problem:not-found"));

        assertEquals(before.get("appointments"), snapshot().get("appointments"));
        assertEquals(before.get("customers"), snapshot().get("customers"));
        assertEquals("CONFIRMED", rows.one("select status from appointment where id = ?", ottosVisit).get("status"));
        assertEquals("Otto", rows.one("select first_name from customer where id = ?", otto.id()).get("first_name"));
        assertEquals(4L, rows.count("select count(*) from audit_entry where garage_id = ? and outcome = 'REFUSED'",
                garage.garageId));
    }

    @Test
    void appointmentsMoveOnlyIntoTheFutureAndOnlyBeforeTheyStart() {
        UUID started = garage.appointment(carl, carlsCar, Instant.now().minusSeconds(600), "CONFIRMED");
        UUID done = garage.appointment(carl, carlsCar, Instant.now().plus(Duration.ofDays(2)), "COMPLETED");
        Map<String, Object> before = snapshot();

        send(TOKENS.of(carl), reschedule(UUID.randomUUID(), nextWeek, 0, Instant.now().minusSeconds(60)),
                reschedule(UUID.randomUUID(), nextWeek, 0, Instant.now().plus(Duration.ofDays(400))),
                cancel(UUID.randomUUID(), started, 0),
                cancel(UUID.randomUUID(), done, 0),
                reschedule(UUID.randomUUID(), started, 0, inTenDays))
                .statusCode(200)
                .body("results.result", contains("rejected", "rejected", "rejected", "rejected", "rejected"))
                .body("results[0].problem.errors.field", contains("payload.startsAt"))
                .body("results[1].problem.errors.field", contains("payload.startsAt"))
                .body("results[2].problem.type", equalTo("urn:garage:problem:invalid-transition"))
                .body("results[3].problem.type", equalTo("urn:garage:problem:invalid-transition"))
                .body("results[4].problem.type", equalTo("urn:garage:problem:invalid-transition"));
        assertEquals(before.get("appointments"), snapshot().get("appointments"));
    }

    @Test
    void invalidPayloadsAreNamedFieldByField() {
        Map<String, Object> unknown = cancel(UUID.randomUUID(), tomorrow, 0);
        unknown.put("payload", Map.of("reason", "busy"));
        Map<String, Object> before = snapshot();
        send(TOKENS.builder(carl).steppedUp().sign(),
                profile(UUID.randomUUID(), carl.id(), 0, Map.of("firstName", " ", "email", "not-an-email",
                        "phone", "call me", "preferredLanguage", "English")),
                profile(UUID.randomUUID(), carl.id(), 0, Map.of()),
                reschedule(UUID.randomUUID(), nextWeek, 0, null),
                unknown)
                .statusCode(200)
                .body("results.result", contains("rejected", "rejected", "rejected", "rejected"))
                .body("results[0].problem.errors.field", containsInAnyOrder("payload.firstName", "payload.email",
                        "payload.phone", "payload.preferredLanguage"))
                .body("results[1].problem.errors.field", contains("payload"))
                .body("results[2].problem.errors.field", contains("payload.startsAt"))
                .body("results[3].problem.errors.field", contains("payload.reason"));
        assertEquals(before.get("appointments"), snapshot().get("appointments"));
        assertEquals(before.get("customers"), snapshot().get("customers"));
    }

    @Test
    void contactDetailsNeedAStepUpWhichIsNotRecordedSoTheSameMutationSucceedsAfterIt() {
        UUID changeEmail = UUID.randomUUID();
        Map<String, Object> mutation = profile(changeEmail, carl.id(), 0, Map.of("email", "carl@new.example"));
        send(TOKENS.of(carl), mutation, cancel(UUID.randomUUID(), tomorrow, 0))
                .statusCode(200)
                .body("results[0].result", equalTo("rejected"))
                .body("results[0].problem.type", equalTo("urn:garage:problem:step-up-required"))
                .body("results[0].stepUp.acrValues", hasItem("urn:garage:acr:strong"))
                .body("results[0].stepUp.maxAge", equalTo(300))
                .body("results[1].result", equalTo("applied"));
        assertEquals("carl@example.com", rows.one("select email from customer where id = ?", carl.id()).get("email"));
        assertEquals(0L, rows.count("select count(*) from sync_mutation where client_mutation_id = ?", changeEmail));
        assertEquals(1L, rows.count("select count(*) from audit_entry where garage_id = ? and action = 'profile.update'"
                + " and outcome = 'REFUSED'", garage.garageId));

        send(TOKENS.builder(carl).steppedUp().sign(), mutation)
                .statusCode(200)
                .body("results[0].result", equalTo("applied"))
                .body("results[0].record.email", equalTo("carl@new.example"));
        assertEquals("carl@new.example", rows.one("select email from customer where id = ?", carl.id()).get("email"));
        // A replay after the step-up has lapsed still gets the first result.
        send(TOKENS.of(carl), mutation).statusCode(200).body("results[0].result", equalTo("applied"));
    }

    @Test
    void anOfflineProfileChangeEvictsTheCachedProfile() {
        given().auth().oauth2(TOKENS.of(carl)).when().get("/api/v1/profile")
                .then().statusCode(200).body("firstName", equalTo("Carl"));
        send(TOKENS.of(carl), profile(UUID.randomUUID(), carl.id(), 0, Map.of("firstName", "Carlos")))
                .statusCode(200).body("results[0].result", equalTo("applied"));
        given().auth().oauth2(TOKENS.of(carl)).when().get("/api/v1/profile")
                .then().statusCode(200).body("firstName", equalTo("Carlos")).header("ETag", equalTo("\"1\""));
    }

    @Test
    void theSameClientMutationIdFromTwoCustomersAreTwoMutations() {
        UUID sharedId = UUID.randomUUID();
        send(TOKENS.of(carl), profile(sharedId, carl.id(), 0, Map.of("firstName", "Carlos")))
                .statusCode(200).body("results[0].result", equalTo("applied"));
        send(TOKENS.of(dana), profile(sharedId, dana.id(), 0, Map.of("firstName", "Danielle")))
                .statusCode(200).body("results[0].result", equalTo("applied"))
                .body("results[0].record.firstName", equalTo("Danielle"));
        assertEquals("Carlos", rows.one("select first_name from customer where id = ?", carl.id()).get("first_name"));
        assertEquals("Danielle", rows.one("select first_name from customer where id = ?", dana.id()).get("first_name"));
    }

    @Test
    void staffMayNotSendCustomerWrites() {
        Person tom = garage.technician("Tom Reyes");
        given().auth().oauth2(TOKENS.of(tom)).contentType(ContentType.JSON)
                .body(Map.of("deviceId", "x", "mutations", List.of(cancel(UUID.randomUUID(), tomorrow, 0))))
                .when().post("/api/v1/sync/mutations")
                .then().statusCode(403);
        assertEquals("REQUESTED", rows.one("select status from appointment where id = ?", tomorrow).get("status"));
    }

    private ValidatableResponse send(String token, Object... mutations) {
        return send(token, List.of(mutations));
    }

    private ValidatableResponse send(String token, List<?> mutations) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("deviceId", "iphone-carl", "mutations", mutations))
                .when().post("/api/v1/sync/mutations")
                .then();
    }

    private static Map<String, Object> profile(UUID id, UUID customerId, long baseVersion, Map<String, Object> fields) {
        return mutation(id, "profile", "update", customerId, baseVersion, fields);
    }

    private static Map<String, Object> reschedule(UUID id, UUID appointmentId, long baseVersion, Instant startsAt) {
        Map<String, Object> payload = new HashMap<>();
        if (startsAt != null) {
            payload.put("startsAt", startsAt.toString());
        }
        return mutation(id, "appointment", "reschedule", appointmentId, baseVersion, payload);
    }

    private static Map<String, Object> cancel(UUID id, UUID appointmentId, long baseVersion) {
        return mutation(id, "appointment", "cancel", appointmentId, baseVersion, Map.of());
    }

    private static Map<String, Object> mutation(UUID id, String entity, String operation, UUID entityId,
            long baseVersion, Map<String, Object> payload) {
        Map<String, Object> mutation = new HashMap<>();
        mutation.put("clientMutationId", id);
        mutation.put("entity", entity);
        mutation.put("operation", operation);
        mutation.put("entityId", entityId);
        mutation.put("baseVersion", baseVersion);
        mutation.put("payload", payload);
        return mutation;
    }

    /** What a mutation could have changed in this garage, in a comparable form. */
    private Map<String, Object> snapshot() {
        return Map.of(
                "customers", rows.query("select id, first_name, last_name, email, phone, preferred_language, version"
                        + " from customer where garage_id = ? order by id", garage.garageId),
                "appointments", rows.query("select id, starts_at, ends_at, status, version from appointment"
                        + " where garage_id = ? order by id", garage.garageId),
                "audit", rows.count("select count(*) from audit_entry where garage_id = ?", garage.garageId),
                "ledger", rows.count("select count(*) from sync_mutation where garage_id = ?", garage.garageId));
    }
}
