package com.garage.mobile.technician.clock;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Time clocked without a signal arrives in sync batches, by the device's times. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class OfflineClockTest {

    @Inject
    DataSource dataSource;

    Rows rows;
    GarageFixture garage;
    Person tom;
    UUID job;

    @BeforeEach
    void job() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        tom = garage.technician("Tom Reyes");
        Person carl = garage.customer("Carl", "Jensen");
        job = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).status("IN_PROGRESS").create();
    }

    @Test
    void entriesClockedOfflineKeepTheDevicesTimesAndAStopEndsTheRunningOne() {
        Instant nineAm = Instant.now().minus(Duration.ofHours(3));
        UUID worked = UUID.randomUUID();
        UUID running = UUID.randomUUID();
        send(record(worked, "WORK", null, nineAm, nineAm.plus(Duration.ofMinutes(50))),
                record(running, "WORK", null, nineAm.plus(Duration.ofHours(1)), null))
                .body("results.result", contains("applied", "applied"))
                .body("results[0].record.entry.source", equalTo("OFFLINE"));
        Map<String, Object> first = rows.one("select device_started_at, started_at, recorded_at, source from time_entry"
                + " where id = ?", worked);
        assertEquals(first.get("device_started_at"), first.get("started_at"));
        send(stop(running, 0, nineAm.plus(Duration.ofHours(2))))
                .body("results[0].result", equalTo("applied"))
                .body("results[0].version", equalTo(1));
        assertEquals(0L, rows.count("select count(*) from time_entry where technician_id = ? and ended_at is null",
                tom.id()));
        given().auth().oauth2(TOKENS.of(tom)).get("/api/v1/jobs/" + job + "/time").then()
                .body("totals.workedMinutes", equalTo(110));
    }

    @Test
    void anOverlappingEntryIsAConflictNamingTheClashAndNothingIsWritten() {
        Instant start = Instant.now().minus(Duration.ofHours(4));
        UUID first = UUID.randomUUID();
        send(record(first, "WORK", null, start, start.plus(Duration.ofHours(1))))
                .body("results[0].result", equalTo("applied"));
        long events = rows.count("select count(*) from job_event where job_id = ?", job);
        UUID clashing = UUID.randomUUID();

        send(record(clashing, "PAUSE", "BREAK", start.plus(Duration.ofMinutes(30)), start.plus(Duration.ofMinutes(90))))
                .body("results[0].result", equalTo("conflict"))
                .body("results[0].problem.type", equalTo("urn:garage:problem:time-overlap"))
                .body("results[0].record.id", equalTo(first.toString()));

        assertEquals(0L, rows.count("select count(*) from time_entry where id = ?", clashing));
        assertEquals(events, rows.count("select count(*) from job_event where job_id = ?", job));
        assertEquals(1L, rows.count("select count(*) from audit_entry where garage_id = ? and outcome = 'CONFLICT'",
                garage.garageId));
    }

    @Test
    void timesInTheFutureOrOlderThanQueuedWritesAreRejectedByField() {
        Instant now = Instant.now();
        send(record(UUID.randomUUID(), "WORK", null, now.plus(Duration.ofMinutes(10)), null),
                record(UUID.randomUUID(), "WORK", null, now.minus(Duration.ofDays(8)), now.minus(Duration.ofDays(8))
                        .plusSeconds(600)),
                record(UUID.randomUUID(), "PAUSE", null, now.minus(Duration.ofHours(1)), now),
                record(UUID.randomUUID(), "WORK", null, now.minusSeconds(60), now.minusSeconds(120)))
                .body("results.result", contains("rejected", "rejected", "rejected", "rejected"))
                .body("results[0].problem.errors.field", hasItem("payload.startedAt"))
                .body("results[1].problem.errors.field", hasItem("payload.startedAt"))
                .body("results[2].problem.errors.field", hasItem("payload.pauseReason"))
                .body("results[3].problem.errors.field", hasItem("payload.endedAt"));
        assertEquals(0L, rows.count("select count(*) from time_entry where technician_id = ?", tom.id()));
    }

    @Test
    void replayingTheBatchChangesNothing() {
        Map<String, Object> mutation = record(UUID.randomUUID(), "WORK", null, Instant.now().minusSeconds(3600),
                Instant.now().minusSeconds(1800));
        send(mutation).body("results[0].result", equalTo("applied"));
        send(mutation).body("results[0].result", equalTo("applied"));
        assertEquals(1L, rows.count("select count(*) from time_entry where technician_id = ?", tom.id()));
    }

    Map<String, Object> record(UUID id, String kind, String reason, Instant start, Instant end) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("jobId", job);
        payload.put("kind", kind);
        payload.put("startedAt", start.toString());
        if (reason != null) {
            payload.put("pauseReason", reason);
        }
        if (end != null) {
            payload.put("endedAt", end.toString());
        }
        return new HashMap<>(Map.of("clientMutationId", UUID.randomUUID(), "entity", "time-entry",
                "operation", "record", "entityId", id, "payload", payload));
    }

    Map<String, Object> stop(UUID id, long version, Instant end) {
        return Map.of("clientMutationId", UUID.randomUUID(), "entity", "time-entry", "operation", "stop",
                "entityId", id, "baseVersion", version, "payload", Map.of("endedAt", end.toString()));
    }

    ValidatableResponse send(Object... mutations) {
        return given().auth().oauth2(TOKENS.of(tom)).contentType(ContentType.JSON)
                .body(Map.of("deviceId", "pixel-8-tom", "mutations", List.of(mutations)))
                .when().post("/api/v1/sync/mutations").then().statusCode(200);
    }
}
