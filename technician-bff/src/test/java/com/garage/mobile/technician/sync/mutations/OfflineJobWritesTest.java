package com.garage.mobile.technician.sync.mutations;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class OfflineJobWritesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    Rows rows;
    GarageFixture garage;
    Person tom;
    Person tina;
    Person advisor;
    Person carl;
    UUID jobId;
    UUID brakes;
    UUID wheels;

    @BeforeEach
    void createJob() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        tom = garage.technician("Tom Reyes");
        tina = garage.technician("Tina Kowalski");
        advisor = garage.advisor("Alice Morgan");
        carl = garage.customer("Carl", "Jensen");
        jobId = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).step("Check brakes").step("Rotate wheels")
                .create();
        brakes = step(jobId, 0);
        wheels = step(jobId, 1);
    }

    @Test
    void batchAppliesInOrderWithVersionsEventsAndAudit() {
        UUID internal = UUID.randomUUID();
        UUID shared = UUID.randomUUID();
        send(tom, "pixel-8-tom", stepStatus(UUID.randomUUID(), brakes, 0, "IN_PROGRESS"),
                stepStatus(UUID.randomUUID(), brakes, 1, "DONE"),
                note(UUID.randomUUID(), internal, jobId, "INTERNAL", "Pads at 2 mm, discs scored"),
                note(UUID.randomUUID(), shared, jobId, "CUSTOMER", "Your brakes needed new pads."))
                .statusCode(200)
                .body("results.result", contains("applied", "applied", "applied", "applied"))
                .body("results[0].version", equalTo(1))
                .body("results[1].version", equalTo(2))
                .body("results[1].record.status", equalTo("DONE"))
                .body("results[1].record.id", equalTo(brakes.toString()))
                .body("results[2].record.body", equalTo("Pads at 2 mm, discs scored"))
                .body("results[2].record.author.name", equalTo("Tom Reyes"))
                .body("results[3].record.visibility", equalTo("CUSTOMER"));

        Map<String, Object> step = rows.one("select status, version, completed_by from job_step where id = ?", brakes);
        assertEquals("DONE", step.get("status"));
        assertEquals(2L, step.get("version"));
        assertEquals(tom.id(), step.get("completed_by"));
        assertEquals(2L, rows.count("select count(*) from job_note where job_id = ?", jobId));
        assertEquals("Pads at 2 mm, discs scored", rows.one("select body from job_note where id = ?", internal)
                .get("body"));
        List<Map<String, Object>> events = rows.query("select seq, type, customer_visible from job_event"
                + " where job_id = ? order by seq", jobId);
        assertEquals(List.of("job.step-status-changed", "job.step-status-changed", "job.internal-note-added",
                "job.customer-note-added"), events.stream().map(e -> e.get("type")).toList());
        assertEquals(List.of(true, true, false, true), events.stream().map(e -> e.get("customer_visible")).toList());
        assertEquals(0L, rows.count("select count(*) from job_event where job_id = ? and published_at is null", jobId),
                "every committed event is published on the stream");
        List<Map<String, Object>> audit = rows.query("select action, outcome, device_id, actor_subject from audit_entry"
                + " where garage_id = ? order by id", garage.garageId);
        assertEquals(List.of("job-step.change-status", "job-step.change-status", "job-note.add", "job-note.add"),
                audit.stream().map(a -> a.get("action")).toList());
        audit.forEach(entry -> {
            assertEquals("SUCCESS", entry.get("outcome"));
            assertEquals("pixel-8-tom", entry.get("device_id"));
            assertEquals(tom.subject(), entry.get("actor_subject"));
        });
        assertEquals(4L, rows.count("select count(*) from sync_mutation where person_id = ?", tom.id()));
    }

    @Test
    void replayingTheWholeBatchAfterALostAnswerReturnsTheFirstResultsAndChangesNothing() throws Exception {
        List<Map<String, Object>> batch = List.of(stepStatus(UUID.randomUUID(), brakes, 0, "IN_PROGRESS"),
                note(UUID.randomUUID(), UUID.randomUUID(), jobId, "INTERNAL", "Customer's wheel nuts are locking"),
                stepStatus(UUID.randomUUID(), wheels, 5, "DONE"),
                stepStatus(UUID.randomUUID(), wheels, 0, "FLYING"));
        JsonNode first = JSON.readTree(send(tom, "pixel-8-tom", batch).statusCode(200).extract().asString());
        assertEquals("applied", first.at("/results/0/result").asText());
        assertEquals("conflict", first.at("/results/2/result").asText());
        assertEquals("rejected", first.at("/results/3/result").asText());
        Map<String, Object> before = snapshot();

        JsonNode replay = JSON.readTree(send(tom, "pixel-8-tom", batch).statusCode(200).extract().asString());

        assertEquals(first, replay);
        assertEquals(before, snapshot());
    }

    @Test
    void staleBaseVersionConflictsWithTheCurrentStepWhileTheNextMutationApplies() {
        garage.sql("update job_step set version = 3, status = 'IN_PROGRESS' where id = ?", brakes);
        send(tom, "pixel-8-tom", stepStatus(UUID.randomUUID(), brakes, 1, "DONE"),
                stepStatus(UUID.randomUUID(), wheels, 0, "SKIPPED"))
                .statusCode(200)
                .body("results[0].result", equalTo("conflict"))
                .body("results[0].problem.type", equalTo("urn:garage:problem:stale-version"))
                .body("results[0].version", equalTo(3))
                .body("results[0].record.version", equalTo(3))
                .body("results[0].record.status", equalTo("IN_PROGRESS"))
                .body("results[1].result", equalTo("applied"))
                .body("results[1].record.status", equalTo("SKIPPED"));
        Map<String, Object> step = rows.one("select status, version from job_step where id = ?", brakes);
        assertEquals("IN_PROGRESS", step.get("status"));
        assertEquals(3L, step.get("version"));
        assertEquals(1L, rows.count("select count(*) from job_event where job_id = ?", jobId));
        assertEquals(1L, rows.count("select count(*) from audit_entry where garage_id = ? and outcome = 'CONFLICT'"
                + " and resource_id = ?", garage.garageId, brakes.toString()));
    }

    @Test
    void anotherGaragesStepsAnUnassignedTechnicianAndAClosedJobAreRefusedAndChangeNothing() {
        GarageFixture other = GarageFixture.create(dataSource);
        Person otto = other.customer("Otto", "Berg");
        UUID foreignJob = other.job(otto, other.vehicle(otto)).step("Oil change").create();
        UUID foreignStep = step(foreignJob, 0);
        UUID closedJob = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).status("CLOSED").step("Wash")
                .create();
        Map<String, Object> before = snapshot();

        send(tom, "pixel-8-tom", stepStatus(UUID.randomUUID(), foreignStep, 0, "IN_PROGRESS"),
                note(UUID.randomUUID(), UUID.randomUUID(), foreignJob, "INTERNAL", "Not my garage"),
                stepStatus(UUID.randomUUID(), step(closedJob, 0), 0, "IN_PROGRESS"),
                note(UUID.randomUUID(), UUID.randomUUID(), closedJob, "INTERNAL", "Too late"))
                .statusCode(200)
                .body("results.result", contains("rejected", "rejected", "rejected", "rejected"))
                .body("results[0].problem.type", equalTo("urn:garage:problem:not-found"))
                .body("results[1].problem.type", equalTo("urn:garage:problem:not-found"))
                .body("results[2].problem.type", equalTo("urn:garage:problem:invalid-transition"))
                .body("results[3].problem.type", equalTo("urn:garage:problem:invalid-transition"));
        send(tina, "tina-phone", stepStatus(UUID.randomUUID(), brakes, 0, "IN_PROGRESS"))
                .statusCode(200)
                .body("results[0].result", equalTo("rejected"))
                .body("results[0].problem.type", equalTo("urn:garage:problem:forbidden"));

        assertEquals(before.get("steps"), snapshot().get("steps"));
        assertEquals(before.get("events"), snapshot().get("events"));
        assertEquals(before.get("notes"), snapshot().get("notes"));
        assertEquals("PENDING", rows.one("select status from job_step where id = ?", foreignStep).get("status"));
        assertEquals(0L, rows.count("select count(*) from job_event where job_id = ?", foreignJob));
        assertEquals(5L, rows.count("select count(*) from audit_entry where garage_id = ? and outcome = 'REFUSED'",
                garage.garageId));
    }

    @Test
    void advisorMayMoveStepsOfJobsNotAssignedToThem() {
        send(advisor, "counter-tablet", stepStatus(UUID.randomUUID(), brakes, 0, "SKIPPED"))
                .statusCode(200).body("results[0].result", equalTo("applied"));
    }

    @Test
    void invalidMutationsAreNamedFieldByFieldAndChangeNothing() {
        Map<String, Object> unknownField = stepStatus(UUID.randomUUID(), brakes, 0, "DONE");
        unknownField.put("payload", Map.of("status", "DONE", "colour", "red"));
        Map<String, Object> noVersion = stepStatus(UUID.randomUUID(), brakes, 0, "DONE");
        noVersion.remove("baseVersion");
        Map<String, Object> unknownOperation = stepStatus(UUID.randomUUID(), brakes, 0, "DONE");
        unknownOperation.put("operation", "delete");
        Map<String, Object> before = snapshot();

        send(tom, "pixel-8-tom", stepStatus(UUID.randomUUID(), brakes, 0, "FLYING"),
                note(UUID.randomUUID(), UUID.randomUUID(), jobId, null, " \n "),
                note(UUID.randomUUID(), UUID.randomUUID(), jobId, "INTERNAL", "x".repeat(4001)),
                unknownField, noVersion, unknownOperation,
                stepStatus(UUID.randomUUID(), brakes, 0, "PENDING"))
                .statusCode(200)
                .body("results.result", contains("rejected", "rejected", "rejected", "rejected", "rejected",
                        "rejected", "rejected"))
                .body("results[0].problem.errors.field", contains("payload.status"))
                .body("results[1].problem.errors.field", containsInAnyOrder("payload.body", "payload.visibility"))
                .body("results[2].problem.errors.field", contains("payload.body"))
                .body("results[3].problem.errors.field", contains("payload.colour"))
                .body("results[4].problem.errors.field", contains("baseVersion"))
                .body("results[5].problem.errors.field", contains("operation"))
                .body("results[6].problem.type", equalTo("urn:garage:problem:invalid-transition"));
        assertEquals(before.get("steps"), snapshot().get("steps"));
        assertEquals(before.get("notes"), snapshot().get("notes"));
        assertEquals(before.get("events"), snapshot().get("events"));
    }

    @Test
    void aMalformedBatchIsRefusedAsAWholeNamingItsFields() {
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            tooMany.add(stepStatus(UUID.randomUUID(), brakes, 0, "IN_PROGRESS"));
        }
        send(tom, "pixel-8-tom", tooMany).statusCode(400).body("errors.field", hasItem("mutations"));
        Map<String, Object> noId = stepStatus(null, brakes, 0, "IN_PROGRESS");
        given().auth().oauth2(TOKENS.of(tom)).contentType(ContentType.JSON)
                .body(Map.of("deviceId", "bad device!", "mutations", List.of(noId)))
                .when().post("/api/v1/sync/mutations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("deviceId", "mutations[0].clientMutationId"));
        assertEquals(0L, rows.count("select count(*) from job_event where job_id = ?", jobId));
        assertEquals(0L, rows.count("select count(*) from sync_mutation where person_id = ?", tom.id()));
    }

    @Test
    void theSameClientMutationIdFromTwoTechniciansAreTwoMutations() {
        garage.sql("insert into job_assignment (job_id, technician_id, garage_id) values (?, ?, ?)", jobId, tina.id(),
                garage.garageId);
        UUID sharedId = UUID.randomUUID();
        send(tom, "pixel-8-tom", note(sharedId, UUID.randomUUID(), jobId, "INTERNAL", "Tom's note"))
                .statusCode(200).body("results[0].result", equalTo("applied"));
        send(tina, "tina-phone", note(sharedId, UUID.randomUUID(), jobId, "INTERNAL", "Tina's note"))
                .statusCode(200).body("results[0].result", equalTo("applied"))
                .body("results[0].record.body", equalTo("Tina's note"));
        assertEquals(2L, rows.count("select count(*) from job_note where job_id = ?", jobId));
    }

    @Test
    void aClientMutationIdReusedForAnotherChangeIsRefused() {
        UUID id = UUID.randomUUID();
        UUID noteId = UUID.randomUUID();
        send(tom, "pixel-8-tom", note(id, noteId, jobId, "INTERNAL", "First text")).statusCode(200);
        send(tom, "pixel-8-tom", note(id, noteId, jobId, "INTERNAL", "Second text"))
                .statusCode(200)
                .body("results[0].result", equalTo("rejected"))
                .body("results[0].problem.type", equalTo("urn:garage:problem:idempotency-key-reused"));
        assertEquals("First text", rows.one("select body from job_note where id = ?", noteId).get("body"));
    }

    @Test
    void noteTextIsStoredAndReturnedVerbatim() {
        String text = "Robert'); DROP TABLE job_card;-- <script>alert(1)</script> {{7*7}} Zoë 🚗 \u202Eevil\u202C\r\nX: y";
        UUID noteId = UUID.randomUUID();
        send(tom, "pixel-8-tom", note(UUID.randomUUID(), noteId, jobId, "CUSTOMER", text))
                .statusCode(200).body("results[0].record.body", equalTo(text));
        assertEquals(text, rows.one("select body from job_note where id = ?", noteId).get("body"));
    }

    private ValidatableResponse send(Person person, String device, Object... mutations) {
        return send(person, device, List.of(mutations));
    }

    private ValidatableResponse send(Person person, String device, List<?> mutations) {
        return given().auth().oauth2(TOKENS.of(person)).contentType(ContentType.JSON)
                .body(Map.of("deviceId", device, "mutations", mutations))
                .when().post("/api/v1/sync/mutations")
                .then();
    }

    private static Map<String, Object> stepStatus(UUID id, UUID stepId, long baseVersion, String status) {
        Map<String, Object> mutation = new HashMap<>();
        mutation.put("clientMutationId", id);
        mutation.put("entity", "job-step");
        mutation.put("operation", "set-status");
        mutation.put("entityId", stepId);
        mutation.put("baseVersion", baseVersion);
        mutation.put("payload", Map.of("status", status));
        return mutation;
    }

    private static Map<String, Object> note(UUID id, UUID noteId, UUID job, String visibility, String body) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("jobId", job);
        payload.put("body", body);
        if (visibility != null) {
            payload.put("visibility", visibility);
        }
        Map<String, Object> mutation = new HashMap<>();
        mutation.put("clientMutationId", id);
        mutation.put("entity", "job-note");
        mutation.put("operation", "add");
        mutation.put("entityId", noteId);
        mutation.put("payload", payload);
        return mutation;
    }

    private UUID step(UUID job, int position) {
        return (UUID) rows.one("select id from job_step where job_id = ? and position = ?", job, position).get("id");
    }

    /** What a mutation could have changed in this garage, in a comparable form. */
    private Map<String, Object> snapshot() {
        return Map.of(
                "steps", rows.query("select id, status, version from job_step where garage_id = ? order by id",
                        garage.garageId),
                "notes", rows.query("select id, body from job_note where garage_id = ? order by id", garage.garageId),
                "events", rows.query("select id from job_event where garage_id = ? order by id", garage.garageId),
                "audit", rows.count("select count(*) from audit_entry where garage_id = ?", garage.garageId),
                "ledger", rows.count("select count(*) from sync_mutation where garage_id = ?", garage.garageId),
                "job", rows.one("select version, last_event_seq from job_card where id = ?", jobId));
    }
}
