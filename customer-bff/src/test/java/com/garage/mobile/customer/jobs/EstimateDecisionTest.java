package com.garage.mobile.customer.jobs;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.garage.mobile.domain.event.JobEventMessage;
import com.garage.mobile.platform.events.JobEventFeed;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class EstimateDecisionTest {

    @Inject
    DataSource dataSource;

    @Inject
    JobEventFeed feed;

    Rows rows;
    GarageFixture garage;
    Person carl;
    UUID jobId;
    UUID pads;
    UUID discs;
    List<JobEventMessage> published = new CopyOnWriteArrayList<>();

    @BeforeEach
    void createJobAwaitingApproval() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        Person tom = garage.technician("Tom Reyes");
        carl = garage.customer("Carl", "Jensen");
        jobId = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).status("AWAITING_APPROVAL")
                .part("Front brake pads", "BP-7731", 5400, 3100)
                .part("Front brake discs", "BD-2210", 8900, 5200)
                .create();
        List<Map<String, Object>> lines = rows.query("select id from estimate_line where job_id = ? order by position",
                jobId);
        pads = (UUID) lines.get(0).get("id");
        discs = (UUID) lines.get(1).get("id");
        feed.events().subscribe().with(published::add);
    }

    @Test
    void customerApprovesALineWithEventAuditAndPublication() {
        decide(TOKENS.builder(carl).steppedUp().sign(), pads, Map.of("decision", "APPROVED", "baseVersion", 0))
                .statusCode(200)
                .body("estimate.lines[0].approvalStatus", equalTo("APPROVED"))
                .body("estimate.lines[0].version", equalTo(1))
                .body("estimate.approvedGrossMinor", equalTo(6480))
                .body("estimate.awaitingDecision", equalTo(1))
                .body("status", equalTo("AWAITING_APPROVAL"));

        Map<String, Object> line = line(pads);
        assertEquals("APPROVED", line.get("approval_status"));
        assertEquals(1L, line.get("version"));
        assertNotNull(line.get("decided_at"));
        Map<String, Object> event = rows.one("select type, customer_visible, payload::text as payload, actor_role"
                + " from job_event where job_id = ?", jobId);
        assertEquals("job.estimate-line-decided", event.get("type"));
        assertEquals(true, event.get("customer_visible"));
        assertEquals("customer", event.get("actor_role"));
        assertEquals(true, event.get("payload").toString().contains("\"pendingLines\": 1"));
        Map<String, Object> audit = rows.one("select action, resource_type, resource_id, outcome, actor_subject"
                + " from audit_entry where garage_id = ?", garage.garageId);
        assertEquals("job.decide-estimate-line", audit.get("action"));
        assertEquals(jobId.toString(), audit.get("resource_id"));
        assertEquals("SUCCESS", audit.get("outcome"));
        assertEquals(carl.subject(), audit.get("actor_subject"));
        await().atMost(Duration.ofSeconds(10)).until(() -> published.stream()
                .anyMatch(e -> e.jobId().equals(jobId) && e.type().equals("job.estimate-line-decided")));
    }

    @Test
    void decliningKeepsTheCustomersNoteVerbatim() {
        String note = "Not now — <script>alert('x')</script> '; drop table job_card; -- {{7*7}} ${7*7} 🚗";
        decide(TOKENS.builder(carl).steppedUp().sign(), discs, Map.of("decision", "DECLINED", "note", note,
                "baseVersion", 0))
                .statusCode(200)
                .body("estimate.lines[1].approvalStatus", equalTo("DECLINED"))
                .body("estimate.lines[1].decisionNote", equalTo(note));
        assertEquals(note, line(discs).get("decision_note"));
    }

    @Test
    void tokenWithoutRecentStrongSignInIsChallengedAndChangesNothing() {
        String plain = TOKENS.of(carl);
        String strongButOld = TOKENS.builder(carl).amr("bio").authTime(Instant.now().minusSeconds(3600)).sign();
        String recentButWeak = TOKENS.builder(carl).amr("pwd").acr("1").authTime(Instant.now()).sign();
        for (String token : List.of(plain, strongButOld, recentButWeak)) {
            decide(token, pads, Map.of("decision", "APPROVED", "baseVersion", 0))
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("error=\"insufficient_user_authentication\""))
                    .header("WWW-Authenticate", containsString("acr_values=\"urn:garage:acr:strong\""))
                    .header("WWW-Authenticate", containsString("max_age=300"))
                    .body("type", equalTo("urn:garage:problem:step-up-required"));
        }
        assertEquals("PENDING", line(pads).get("approval_status"));
        assertEquals(0L, rows.count("select count(*) from job_event where job_id = ?", jobId));
        assertEquals(3L, rows.count("select count(*) from audit_entry where garage_id = ? and outcome = 'REFUSED'"
                + " and action = 'job.decide-estimate-line' and resource_id = ?", garage.garageId, jobId.toString()));
    }

    @Test
    void configuredAcrCountsAsStrong() {
        decide(TOKENS.builder(carl).acr("urn:garage:acr:strong").authTime(Instant.now()).sign(), pads,
                Map.of("decision", "APPROVED", "baseVersion", 0))
                .statusCode(200);
    }

    @Test
    void staleVersionGetsTheCurrentRepair() {
        garage.sql("update estimate_line set version = 3 where id = ?", pads);
        decide(TOKENS.builder(carl).steppedUp().sign(), pads, Map.of("decision", "APPROVED", "baseVersion", 2))
                .statusCode(409)
                .body("type", equalTo("urn:garage:problem:stale-version"))
                .body("current.estimate.lines[0].version", equalTo(3))
                .body("current.estimate.lines[0].approvalStatus", equalTo("PENDING"));
        assertEquals("PENDING", line(pads).get("approval_status"));
    }

    @Test
    void lineIsDecidedOnlyOnce() {
        String token = TOKENS.builder(carl).steppedUp().sign();
        decide(token, pads, Map.of("decision", "APPROVED", "baseVersion", 0)).statusCode(200);
        decide(token, pads, Map.of("decision", "DECLINED", "baseVersion", 1))
                .statusCode(409)
                .body("type", equalTo("urn:garage:problem:invalid-transition"))
                .body("detail", containsString("already approved"));
        assertEquals("APPROVED", line(pads).get("approval_status"));
    }

    @Test
    void finishedJobsEstimateCannotChange() {
        garage.sql("update job_card set status = 'READY_FOR_PICKUP' where id = ?", jobId);
        decide(TOKENS.builder(carl).steppedUp().sign(), pads, Map.of("decision", "APPROVED", "baseVersion", 0))
                .statusCode(409)
                .body("type", equalTo("urn:garage:problem:invalid-transition"));
        assertEquals("PENDING", line(pads).get("approval_status"));
    }

    @Test
    void anotherCustomersOrGaragesLineIsNotFound() {
        Person cora = garage.customer("Cora", "Li");
        decide(TOKENS.builder(cora).steppedUp().sign(), pads, Map.of("decision", "APPROVED", "baseVersion", 0))
                .statusCode(404);
        GarageFixture other = GarageFixture.create(dataSource);
        Person sam = other.customer("Sam", "Other");
        UUID samsJob = other.job(sam, other.vehicle(sam)).part("Wiper", "W-1", 1500, 900).create();
        decide(TOKENS.builder(carl).steppedUp().sign(), pads, samsJob, Map.of("decision", "APPROVED", "baseVersion", 0))
                .statusCode(404);
        assertEquals("PENDING", line(pads).get("approval_status"));
        assertEquals(0L, rows.count("select count(*) from job_event where job_id in (?, ?)", jobId, samsJob));
    }

    @Test
    void badDecisionsAreExplainedAndChangeNothing() {
        String token = TOKENS.builder(carl).steppedUp().sign();
        decide(token, pads, Map.of("decision", "PENDING", "baseVersion", 0))
                .statusCode(400).body("errors[0].field", equalTo("decision"));
        decide(token, pads, Map.of("decision", "APPROVED", "note", "", "baseVersion", 0))
                .statusCode(400).body("errors[0].field", equalTo("note"));
        decide(token, pads, Map.of("decision", "APPROVED"))
                .statusCode(428);
        decide(token, pads, Map.of("decision", "APPROVED", "baseVersion", "0"))
                .statusCode(400).body("errors[0].field", equalTo("baseVersion"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"decision\": \"APPROVED\", \"decision\": \"DECLINED\", \"baseVersion\": 0}")
                .when().post(path(jobId, pads))
                .then().statusCode(400).contentType("application/problem+json");
        assertEquals("PENDING", line(pads).get("approval_status"));
        assertEquals(0L, rows.count("select count(*) from job_event where job_id = ?", jobId));
    }

    private ValidatableResponse decide(String token, UUID line, Map<String, Object> body) {
        return decide(token, line, jobId, body);
    }

    private ValidatableResponse decide(String token, UUID line, UUID job, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post(path(job, line)).then();
    }

    private static String path(UUID job, UUID line) {
        return "/api/v1/jobs/" + job + "/estimate-lines/" + line + "/decision";
    }

    private Map<String, Object> line(UUID id) {
        return rows.one("select approval_status, version, decided_at, decision_note from estimate_line where id = ?",
                id);
    }
}
