package com.garage.mobile.technician.releases;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Crash reports grouped into issues, counted per release, and told to admins: new, regressed, spiking. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class CrashIngestTest {

    static final String STACK = """
            java.lang.IllegalStateException: no vehicle on job 4711
            \tat com.garage.tech.jobs.JobScreen.render(JobScreen.java:42)
            \tat com.garage.tech.Main.main(Main.java:7)""";

    @Inject
    DataSource dataSource;

    Rows rows;
    GarageFixture garage;
    ReleaseDesk desk;
    Person tom;
    Person tina;

    @BeforeEach
    void releaseInTheField() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        ReleaseDesk.clear(garage);
        desk = new ReleaseDesk(rows, garage.admin("Ada Brennan"), new GarageClock());
        tom = garage.technician("Tom Reyes");
        tina = garage.technician("Tina Kowalski");
    }

    @AfterEach
    void noCrashesLeft() {
        ReleaseDesk.clear(garage);
    }

    @Test
    void theSameBugIsOneIssueWithItsEventsAndPeopleCountedPerRelease() {
        UUID release = desk.register("STAFF", "IOS", "3.4.0");
        String first = crash(tom, "3.4.0", STACK).statusCode(201).body("newIssue", equalTo(true))
                .body("stack", equalTo(STACK)).extract().path("issueId");
        crash(tina, "3.4.0", STACK.replace(":42", ":44").replace("job 4711", "job 12")).statusCode(201)
                .body("newIssue", equalTo(false)).body("issueId", equalTo(first));
        String other = crash(tom, "3.4.0", STACK.replace("render", "bind")).statusCode(201)
                .body("newIssue", equalTo(true)).extract().path("issueId");
        assertNotEquals(first, other);

        desk.asAdmin("GET", ReleaseDesk.RELEASES + "/{id}/health", null, release).statusCode(200)
                .body("issues[0].issueId", equalTo(first)).body("issues[0].events", equalTo(2))
                .body("issues[0].users", equalTo(2)).body("issues[1].events", equalTo(1));
        assertEquals(2, rows.count("select count(*) from release_alert where kind = 'NEW_ISSUE' and release_id = ?",
                release));
        desk.asAdmin("GET", "/api/v1/admin/release-alerts", null).statusCode(200)
                .body("items.kind", hasItem("NEW_ISSUE"));
    }

    @Test
    void anIssueSeenAgainAfterItWasMarkedFixedIsARegression() {
        String issue = crash(tom, "3.4.0", STACK).statusCode(201).extract().path("issueId");
        desk.asAdmin("POST", "/api/v1/admin/crash-issues/{id}/fixed", null, issue).statusCode(204);
        desk.asAdmin("POST", "/api/v1/admin/crash-issues/{id}/fixed", null, issue).statusCode(409);
        assertEquals("FIXED", rows.one("select status from crash_issue where id = ?", UUID.fromString(issue)).get("status"));

        crash(tina, "3.4.1", STACK).statusCode(201).body("issueId", equalTo(issue));
        assertEquals("OPEN", rows.one("select status from crash_issue where id = ?", UUID.fromString(issue)).get("status"));
        assertEquals(1, rows.count("select count(*) from release_alert where kind = 'REGRESSION' and issue_id = ?",
                UUID.fromString(issue)));
        assertEquals(1, rows.count("select count(*) from audit_entry where garage_id = ? and action = 'crash-issue.fixed'"
                + " and outcome = 'SUCCESS'", garage.garageId));
    }

    @Test
    void aBurstOfOneCrashIsASpikeToldOnce() {
        for (int i = 0; i < 12; i++) {
            crash(i % 2 == 0 ? tom : tina, "3.4.0", STACK).statusCode(201);
        }
        assertEquals(1, rows.count("select count(*) from release_alert where kind = 'SPIKE'"));
        desk.asAdmin("GET", "/api/v1/admin/crash-issues", null).statusCode(200)
                .body("items[0].events", equalTo(12)).body("items[0].users", equalTo(2));
    }

    @Test
    void personalDataInBreadcrumbsOrAMissingBuildIsRefusedAndNothingIsStored() {
        Map<String, Object> body = report(STACK);
        body.put("breadcrumbs", List.of(Map.of("at", "2026-12-04T10:00:00Z", "category", "input",
                "label", "typed jane@example.com into search")));
        given().auth().oauth2(TOKENS.of(tom)).header("X-App-Platform", "ios").header("X-App-Version", "3.4.0")
                .contentType(ContentType.JSON).body(body).post("/api/v1/releases/crash-reports").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("breadcrumbs[0].label"));
        given().auth().oauth2(TOKENS.of(tom)).header("X-App-Platform", "ios")
                .contentType(ContentType.JSON).body(report(STACK)).post("/api/v1/releases/crash-reports").then()
                .statusCode(400).body("errors[0].field", equalTo("X-App-Version"));
        assertEquals(0, rows.count("select count(*) from crash_event"));
        assertEquals(0, rows.count("select count(*) from crash_issue"));
    }

    @Test
    void aSessionIsItsOwnersAndACrashMarksItCrashed() {
        UUID session = UUID.randomUUID();
        session(tom, session, "START").statusCode(204);
        session(tom, session, "START").statusCode(204);
        session(tina, session, "END").statusCode(404);
        Map<String, Object> body = report(STACK);
        body.put("sessionId", session.toString());
        given().auth().oauth2(TOKENS.of(tom)).header("X-App-Platform", "ios").header("X-App-Version", "3.4.0")
                .contentType(ContentType.JSON).body(body).post("/api/v1/releases/crash-reports").then().statusCode(201);
        session(tom, session, "END").statusCode(204);
        Map<String, Object> row = rows.one("select crashed, ended_at, ring, app_version from app_session where id = ?",
                session);
        assertEquals(true, row.get("crashed"));
        assertEquals("PRODUCTION", row.get("ring"));
        assertEquals("3.4.0", row.get("app_version"));
    }

    private ValidatableResponse crash(Person person, String version, String stack) {
        return given().auth().oauth2(TOKENS.of(person)).header("X-App-Platform", "ios").header("X-App-Version", version)
                .contentType(ContentType.JSON).body(report(stack)).post("/api/v1/releases/crash-reports").then();
    }

    private ValidatableResponse session(Person person, UUID session, String event) {
        return given().auth().oauth2(TOKENS.of(person)).header("X-App-Platform", "ios").header("X-App-Version", "3.4.0")
                .contentType(ContentType.JSON).body(Map.of("sessionId", session, "event", event))
                .post("/api/v1/releases/sessions").then();
    }

    private static Map<String, Object> report(String stack) {
        Map<String, Object> body = new HashMap<>();
        body.put("build", "3400");
        body.put("deviceModel", "iPad (10th generation)");
        body.put("osVersion", "17.4");
        body.put("exceptionType", "java.lang.IllegalStateException");
        body.put("stack", stack);
        body.put("breadcrumbs", List.of(Map.of("at", "2026-12-04T10:00:00Z", "category", "navigation",
                "label", "jobs/detail")));
        return body;
    }
}
