package com.garage.mobile.technician.jobs;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.garage.mobile.domain.audit.AuditSequencer;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class JobStatusChangeTest {

    @Inject
    DataSource dataSource;
    @Inject
    AuditSequencer sequencer;

    Rows rows;
    GarageFixture garage;
    Person tom;
    Person tina;
    Person advisor;
    Person carl;
    UUID vehicle;
    UUID jobId;

    @BeforeEach
    void createJob() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        tom = garage.technician("Tom Reyes");
        tina = garage.technician("Tina Kowalski");
        advisor = garage.advisor("Alice Morgan");
        carl = garage.customer("Carl", "Jensen");
        vehicle = garage.vehicle(carl);
        jobId = garage.job(carl, vehicle).assignedTo(tom).create();
    }

    @Test
    void assignedTechnicianStartsTheJobWithEventAndAudit() {
        given().auth().oauth2(TOKENS.of(tom)).header("X-Device-Id", "pixel-8-tom")
                .contentType(ContentType.JSON).body(Map.of("status", "IN_PROGRESS", "baseVersion", 0))
                .when().post("/api/v1/jobs/" + jobId + "/status")
                .then().statusCode(200)
                .header("ETag", startsWith("\"1-"))
                .body("status", equalTo("IN_PROGRESS"))
                .body("version", equalTo(1));

        Map<String, Object> job = job();
        assertEquals("IN_PROGRESS", job.get("status"));
        assertEquals(1L, job.get("version"));
        assertEquals(1, job.get("last_event_seq"));
        Map<String, Object> event = rows.one("select seq, type, customer_visible, payload::text as payload,"
                + " actor_subject from job_event where job_id = ?", jobId);
        assertEquals(1, event.get("seq"));
        assertEquals("job.status-changed", event.get("type"));
        assertEquals(true, event.get("customer_visible"));
        assertEquals(tom.subject(), event.get("actor_subject"));
        assertEquals("{\"to\": \"IN_PROGRESS\", \"from\": \"OPEN\"}", event.get("payload"));
        Map<String, Object> audit = rows.one("select actor_role, device_id, outcome, action, detail::text as detail"
                + " from audit_entry where garage_id = ? and resource_id = ?", garage.garageId, jobId.toString());
        assertEquals("{\"to\": \"IN_PROGRESS\", \"from\": \"OPEN\"}", audit.get("detail"));
        assertEquals("technician", audit.get("actor_role"));
        assertEquals("pixel-8-tom", audit.get("device_id"));
        assertEquals("SUCCESS", audit.get("outcome"));
        assertEquals("job.change-status", audit.get("action"));
    }

    @Test
    void ifMatchCarriesTheBaseVersion() {
        given().auth().oauth2(TOKENS.of(tom)).header("If-Match", "\"0\"")
                .contentType(ContentType.JSON).body(Map.of("status", "IN_PROGRESS"))
                .when().post("/api/v1/jobs/" + jobId + "/status")
                .then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void minimalAnswerCarriesOnlyTheNewVersionWhichTheNextChangeUses() {
        String etag = given().auth().oauth2(TOKENS.of(tom)).header("If-Match", "\"0\"")
                .header("Prefer", "return=minimal")
                .contentType(ContentType.JSON).body(Map.of("status", "IN_PROGRESS"))
                .when().post("/api/v1/jobs/" + jobId + "/status")
                .then().statusCode(204).header("Preference-Applied", "return=minimal").body(equalTo(""))
                .extract().header("ETag");
        assertEquals("\"1\"", etag);
        assertEquals("IN_PROGRESS", job().get("status"));
        assertEquals(1L, job().get("version"));
        assertEquals(1L, rows.count("select count(*) from job_event where job_id = ?", jobId));

        given().auth().oauth2(TOKENS.of(tom)).header("If-Match", etag).header("Prefer", "handling=lenient, return=minimal")
                .contentType(ContentType.JSON).body(Map.of("status", "AWAITING_PARTS"))
                .when().post("/api/v1/jobs/" + jobId + "/status")
                .then().statusCode(204).header("ETag", "\"2\"");
        assertEquals("AWAITING_PARTS", job().get("status"));
    }

    @Test
    void staleVersionWithAMinimalPreferenceStillGetsTheCurrentJob() {
        garage.sql("update job_card set version = 4 where id = ?", jobId);
        given().auth().oauth2(TOKENS.of(tom)).header("If-Match", "\"3\"").header("Prefer", "return=minimal")
                .contentType(ContentType.JSON).body(Map.of("status", "IN_PROGRESS"))
                .when().post("/api/v1/jobs/" + jobId + "/status")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:garage:problem:stale-version"))
                .body("current.version", equalTo(4));
        assertUnchanged(4L);
    }

    @Test
    void staleVersionGetsTheCurrentJobAndChangesNothing() {
        garage.sql("update job_card set version = 4 where id = ?", jobId);
        given().auth().oauth2(TOKENS.of(tom))
                .contentType(ContentType.JSON).body(Map.of("status", "IN_PROGRESS", "baseVersion", 3))
                .when().post("/api/v1/jobs/" + jobId + "/status")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:garage:problem:stale-version"))
                .body("current.version", equalTo(4))
                .body("current.status", equalTo("OPEN"));
        assertUnchanged(4L);
        assertEquals("CONFLICT", rows.one("select outcome from audit_entry where resource_id = ?",
                jobId.toString()).get("outcome"));
    }

    /**
     * The change reads the job, then writes only if it is still at the version read: here the write waits on the
     * row, held by a transaction that moves the job to version 5, and then finds it moved on.
     */
    @Test
    void aChangeOvertakenBetweenItsReadAndItsWriteWritesNothingAndIsRefusedAsStale() throws Exception {
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (Statement statement = other.createStatement()) {
                statement.execute("select 1 from job_card where id = '" + jobId + "' for update");
            }
            CompletableFuture<ValidatableResponse> change = CompletableFuture.supplyAsync(() -> given()
                    .auth().oauth2(TOKENS.of(tom)).header("If-Match", "\"0\"").header("Prefer", "return=minimal")
                    .contentType(ContentType.JSON).body(Map.of("status", "IN_PROGRESS"))
                    .when().post("/api/v1/jobs/" + jobId + "/status").then());
            await().atMost(Duration.ofSeconds(10)).until(() -> rows.count("select count(*) from pg_stat_activity"
                    + " where wait_event_type = 'Lock' and query like '%update job_card%'") == 1);
            try (Statement statement = other.createStatement()) {
                statement.execute("update job_card set version = 5 where id = '" + jobId + "'");
            }
            other.commit();
            change.get(10, TimeUnit.SECONDS).statusCode(409).contentType("application/problem+json")
                    .body("type", equalTo("urn:garage:problem:stale-version"))
                    .body("current.version", equalTo(5));
        }
        assertUnchanged(5L);
        assertEquals(List.of("CONFLICT"), rows.query("select outcome from audit_entry where resource_id = ?",
                jobId.toString()).stream().map(entry -> entry.get("outcome")).toList());
    }

    @Test
    void transitionOutsideTheLifecycleIsRefused() {
        given().auth().oauth2(TOKENS.of(advisor))
                .contentType(ContentType.JSON).body(Map.of("status", "CLOSED", "baseVersion", 0))
                .when().post("/api/v1/jobs/" + jobId + "/status")
                .then().statusCode(409)
                .body("type", equalTo("urn:garage:problem:invalid-transition"))
                .body("detail", containsString("OPEN to CLOSED"));
        assertUnchanged(0L);
    }

    @Test
    void technicianCannotReleaseTheCarButTheAdvisorCan() {
        UUID checked = garage.job(carl, vehicle).assignedTo(tom).status("QUALITY_CHECK").create();
        given().auth().oauth2(TOKENS.of(tom))
                .contentType(ContentType.JSON).body(Map.of("status", "READY_FOR_PICKUP", "baseVersion", 0))
                .when().post("/api/v1/jobs/" + checked + "/status")
                .then().statusCode(409).body("type", equalTo("urn:garage:problem:invalid-transition"));
        given().auth().oauth2(TOKENS.of(advisor))
                .contentType(ContentType.JSON).body(Map.of("status", "READY_FOR_PICKUP", "baseVersion", 0))
                .when().post("/api/v1/jobs/" + checked + "/status")
                .then().statusCode(200).body("status", equalTo("READY_FOR_PICKUP"));
    }

    @Test
    void closingSetsTheClosedTime() {
        UUID ready = garage.job(carl, vehicle).status("READY_FOR_PICKUP").create();
        given().auth().oauth2(TOKENS.of(advisor))
                .contentType(ContentType.JSON).body(Map.of("status", "CLOSED", "baseVersion", 0))
                .when().post("/api/v1/jobs/" + ready + "/status")
                .then().statusCode(200).body("closedAt", org.hamcrest.Matchers.notNullValue());
        assertNotNull(rows.one("select closed_at from job_card where id = ?", ready).get("closed_at"));
    }

    @Test
    void technicianNotAssignedIsRefusedAndTheRefusalAudited() {
        given().auth().oauth2(TOKENS.of(tina))
                .contentType(ContentType.JSON).body(Map.of("status", "IN_PROGRESS", "baseVersion", 0))
                .when().post("/api/v1/jobs/" + jobId + "/status")
                .then().statusCode(403).body("detail", containsString("not assigned"));
        assertUnchanged(0L);
        Map<String, Object> audit = rows.one("select actor_subject, outcome from audit_entry where resource_id = ?",
                jobId.toString());
        assertEquals(tina.subject(), audit.get("actor_subject"));
        assertEquals("REFUSED", audit.get("outcome"));
    }

    @Test
    void anotherGaragesJobIsNotFoundAndUntouched() {
        GarageFixture other = GarageFixture.create(dataSource);
        Person otherAdvisor = other.advisor("Otto");
        given().auth().oauth2(TOKENS.of(otherAdvisor))
                .contentType(ContentType.JSON).body(Map.of("status", "CANCELLED", "baseVersion", 0))
                .when().post("/api/v1/jobs/" + jobId + "/status")
                .then().statusCode(404);
        assertUnchanged(0L);
    }

    @Test
    void badBodiesAreExplainedAndChangeNothing() {
        String token = TOKENS.of(tom);
        String path = "/api/v1/jobs/" + jobId + "/status";
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("status", "FLYING", "baseVersion", 0))
                .when().post(path).then().statusCode(400)
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", containsString("IN_PROGRESS"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("baseVersion", 0))
                .when().post(path).then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("status", "IN_PROGRESS", "baseVersion", 0, "priority", "high"))
                .when().post(path).then().statusCode(400).body("errors[0].field", equalTo("priority"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("status", "IN_PROGRESS", "baseVersion", "x"))
                .when().post(path).then().statusCode(400).body("errors[0].field", equalTo("baseVersion"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"status\": ")
                .when().post(path).then().statusCode(400).body("type", equalTo("urn:garage:problem:malformed-body"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("status", "IN_PROGRESS"))
                .when().post(path).then().statusCode(428).body("type", equalTo("urn:garage:problem:version-required"));
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "yesterday")
                .body(Map.of("status", "IN_PROGRESS"))
                .when().post(path).then().statusCode(400).body("errors[0].field", equalTo("If-Match"));
        given().auth().oauth2(token).contentType(ContentType.TEXT).body("IN_PROGRESS")
                .when().post(path).then().statusCode(415);
        assertUnchanged(0L);
    }

    @Test
    void auditEntriesAreHashChainedPerGarage() {
        for (String status : List.of("IN_PROGRESS", "AWAITING_PARTS")) {
            long version = (Long) job().get("version");
            given().auth().oauth2(TOKENS.of(tom)).contentType(ContentType.JSON)
                    .body(Map.of("status", status, "baseVersion", version))
                    .when().post("/api/v1/jobs/" + jobId + "/status").then().statusCode(200);
        }
        sequencer.chain(garage.garageId).await().atMost(Duration.ofSeconds(10));
        List<Map<String, Object>> chain = rows.query(
                "select prev_hash, hash, hash = audit_entry_hash(a) as intact from audit_entry a"
                        + " where garage_id = ? order by chain_position", garage.garageId);
        assertEquals(2, chain.size());
        assertEquals("genesis", chain.get(0).get("prev_hash"));
        assertEquals(chain.get(0).get("hash"), chain.get(1).get("prev_hash"));
        chain.forEach(entry -> assertEquals(true, entry.get("intact")));
    }

    private Map<String, Object> job() {
        return rows.one("select status, version, last_event_seq, closed_at from job_card where id = ?", jobId);
    }

    private void assertUnchanged(long version) {
        Map<String, Object> job = job();
        assertEquals("OPEN", job.get("status"));
        assertEquals(version, job.get("version"));
        assertNull(job.get("closed_at"));
        assertEquals(0L, rows.count("select count(*) from job_event where job_id = ?", jobId));
    }
}
