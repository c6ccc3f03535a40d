package com.garage.mobile.technician.clock;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ClockTest {

    @Inject
    DataSource dataSource;

    Rows rows;
    GarageFixture garage;
    Person tom;
    Person tina;
    Person advisor;
    UUID brakes;
    UUID service;
    UUID brakesStep;

    @BeforeEach
    void jobs() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        tom = garage.technician("Tom Reyes");
        tina = garage.technician("Tina Kowalski");
        advisor = garage.advisor("Alice Morgan");
        Person carl = garage.customer("Carl", "Jensen");
        brakes = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).advisor(advisor).status("IN_PROGRESS")
                .step("Replace pads").create();
        service = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).status("IN_PROGRESS").create();
        brakesStep = (UUID) rows.one("select id from job_step where job_id = ?", brakes).get("id");
    }

    @Test
    void clockingOnElsewhereStopsTheRunningClockAndSaysWhich() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        clockOn(tom, brakes, first, brakesStep).statusCode(200)
                .body("entry.id", equalTo(first.toString()))
                .body("entry.stepId", equalTo(brakesStep.toString()))
                .body("entry.kind", equalTo("WORK"))
                .body("entry.source", equalTo("ONLINE"))
                .body("stopped", nullValue());

        String stoppedAt = clockOn(tom, service, second, null).statusCode(200)
                .body("entry.id", equalTo(second.toString()))
                .body("stopped.id", equalTo(first.toString()))
                .extract().path("stopped.endedAt");
        assertEquals(((Timestamp) rows.one("select ended_at from time_entry where id = ?", first)
                .get("ended_at")).toInstant(), Instant.parse(stoppedAt));

        assertEquals(1L, rows.count("select count(*) from time_entry where technician_id = ? and ended_at is null",
                tom.id()));
        assertNotNull(rows.one("select ended_at from time_entry where id = ?", first).get("ended_at"));
        assertNull(rows.one("select ended_at from time_entry where id = ?", second).get("ended_at"));
        assertEquals(2L, rows.count("select count(*) from job_event where job_id = ? and type in"
                + " ('job.clock-started', 'job.clock-stopped')", brakes));
        assertEquals(3L, rows.count("select count(*) from audit_entry where garage_id = ? and action in"
                + " ('time-entry.start', 'time-entry.stop') and outcome = 'SUCCESS'", garage.garageId));
    }

    @Test
    void theSameEntryIdAgainAnswersTheEntryAndChangesNothing() {
        UUID entry = UUID.randomUUID();
        clockOn(tom, brakes, entry, null).statusCode(200);
        clockOn(tom, brakes, entry, null).statusCode(200).body("entry.id", equalTo(entry.toString()))
                .body("stopped", nullValue());
        assertEquals(1L, rows.count("select count(*) from time_entry where technician_id = ?", tom.id()));
    }

    @Test
    void pauseWithAReasonThenResumeOnTheSameJobAndStep() {
        clockOn(tom, brakes, UUID.randomUUID(), brakesStep).statusCode(200);
        UUID pause = UUID.randomUUID();
        post(tom, "/api/v1/clock/pause", Map.of("entryId", pause, "reason", "WAITING_FOR_PARTS")).statusCode(200)
                .body("entry.kind", equalTo("PAUSE"))
                .body("entry.pauseReason", equalTo("WAITING_FOR_PARTS"))
                .body("entry.stepId", equalTo(brakesStep.toString()))
                .body("stopped.kind", equalTo("WORK"));
        post(tom, "/api/v1/clock/pause", Map.of("entryId", UUID.randomUUID(), "reason", "BREAK")).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:garage:problem:invalid-transition"));
        UUID work = UUID.randomUUID();
        post(tom, "/api/v1/clock/resume", Map.of("entryId", work)).statusCode(200)
                .body("entry.kind", equalTo("WORK"))
                .body("stopped.id", equalTo(pause.toString()));
        given().auth().oauth2(TOKENS.of(tom)).get("/api/v1/clock").then().statusCode(200)
                .body("running.id", equalTo(work.toString()));
        post(tom, "/api/v1/clock/off", null).statusCode(200).body("entry.id", equalTo(work.toString()));
        post(tom, "/api/v1/clock/off", null).statusCode(409);

        assertEquals(3L, rows.count("select count(*) from time_entry where technician_id = ?", tom.id()));
        assertEquals(0L, rows.count("select count(*) from time_entry where technician_id = ? and ended_at is null",
                tom.id()));
        given().auth().oauth2(TOKENS.of(tom)).get("/api/v1/jobs/" + brakes + "/time").then().statusCode(200)
                .body("entries.size()", equalTo(3))
                .body("totals.steps[0].stepId", equalTo(brakesStep.toString()));
    }

    @Test
    void theDatabaseAllowsOneRunningClockPerTechnician() {
        clockOn(tom, brakes, UUID.randomUUID(), null).statusCode(200);
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> garage.sql("insert into time_entry"
                + " (id, garage_id, job_id, technician_id, kind, started_at, recorded_at, source) values"
                + " (?, ?, ?, ?, 'WORK', now() + interval '1 hour', now(), 'ONLINE')", UUID.randomUUID(),
                garage.garageId, service, tom.id()));
        assertTrue(refused.getCause().getMessage().contains("time_entry_no_overlap"), refused.getCause().getMessage());
    }

    @Test
    void totalsStandBesideTheLabourEstimateOnTheJobCard() {
        garage.sql("insert into estimate_line (id, garage_id, job_id, position, kind, description, quantity,"
                + " unit_price_minor, tax_rate_bp) values (?, ?, ?, 5, 'LABOUR', 'Pads', 1.5, 8500, 2000)",
                UUID.randomUUID(), garage.garageId, brakes);
        entry(tom, brakes, brakesStep, "WORK", null, "now() - interval '5 hours'", "now() - interval '3 hours'");
        entry(tom, brakes, brakesStep, "PAUSE", "BREAK", "now() - interval '3 hours'", "now() - interval '2 hours 45 minutes'");

        given().auth().oauth2(TOKENS.of(tom)).get("/api/v1/jobs/" + brakes).then().statusCode(200)
                .body("time.workedMinutes", equalTo(120))
                .body("time.pausedMinutes", equalTo(15))
                .body("time.estimateMinutes", equalTo(90))
                .body("time.overrun", equalTo(true))
                .body("time.steps[0].workedMinutes", equalTo(120));
        given().auth().oauth2(TOKENS.of(advisor)).get("/api/v1/clocks").then().statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void advisorsSeeWhoIsClockedOnWhichJob() {
        clockOn(tom, brakes, UUID.randomUUID(), null).statusCode(200);
        given().auth().oauth2(TOKENS.of(advisor)).get("/api/v1/clocks").then().statusCode(200)
                .body("technicianName", hasItem("Tom Reyes"))
                .body("entry.jobId", hasItem(brakes.toString()));
        given().auth().oauth2(TOKENS.of(tom)).get("/api/v1/clocks").then().statusCode(403);
    }

    @Test
    void anotherGaragesJobIsNotFoundAndAnotherTechniciansJobIsForbidden() {
        GarageFixture other = GarageFixture.create(dataSource);
        Person otto = other.customer("Otto", "Berg");
        UUID foreign = other.job(otto, other.vehicle(otto)).create();
        clockOn(tom, foreign, UUID.randomUUID(), null).statusCode(404).contentType("application/problem+json");
        clockOn(tina, brakes, UUID.randomUUID(), null).statusCode(403).contentType("application/problem+json");
        clockOn(tom, brakes, UUID.randomUUID(), UUID.randomUUID()).statusCode(400)
                .body("errors.field", hasItem("stepId"));
        assertEquals(0L, rows.count("select count(*) from time_entry where garage_id = ?", garage.garageId));
        assertEquals(3L, rows.count("select count(*) from audit_entry where garage_id = ? and outcome = 'REFUSED'",
                garage.garageId));
    }

    @Test
    void badInputNamesEachFieldAndChangesNothing() {
        post(tom, "/api/v1/clock/on", Map.of("jobId", brakes, "stepId", "soon")).statusCode(400)
                .contentType("application/problem+json");
        post(tom, "/api/v1/clock/pause", Map.of("entryId", UUID.randomUUID(), "reason", "NAP")).statusCode(400)
                .body("errors.field", hasItem("reason"));
        post(tom, "/api/v1/clock/on", Map.of()).statusCode(400)
                .body("errors.field", hasItem("entryId")).body("errors.field", hasItem("jobId"));
        assertEquals(0L, rows.count("select count(*) from time_entry where garage_id = ?", garage.garageId));
    }

    void entry(Person technician, UUID job, UUID step, String kind, String reason, String start, String end) {
        garage.sql("insert into time_entry (id, garage_id, job_id, step_id, technician_id, kind, pause_reason,"
                + " started_at, ended_at, recorded_at, ended_recorded_at, source) values (?, ?, ?, ?, ?, ?, ?, "
                + start + ", " + end + ", now(), now(), 'ONLINE')", UUID.randomUUID(), garage.garageId, job, step,
                technician.id(), kind, reason);
    }

    static ValidatableResponse clockOn(Person who, UUID job, UUID entryId, UUID stepId) {
        Map<String, Object> body = new HashMap<>();
        body.put("entryId", entryId);
        body.put("jobId", job);
        if (stepId != null) {
            body.put("stepId", stepId);
        }
        return post(who, "/api/v1/clock/on", body);
    }

    static ValidatableResponse post(Person who, String path, Map<String, Object> body) {
        var request = given().auth().oauth2(TOKENS.of(who));
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.when().post(path).then();
    }
}
