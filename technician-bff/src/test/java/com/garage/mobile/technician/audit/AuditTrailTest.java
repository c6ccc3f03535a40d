package com.garage.mobile.technician.audit;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.garage.mobile.domain.audit.AuditSequencer;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin's view of the audit trail: verifying the hash chain, and listing entries. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class AuditTrailTest {

    @Inject
    DataSource dataSource;
    @Inject
    AuditSequencer sequencer;

    Rows rows;
    GarageFixture garage;
    Person ada;
    Person tom;
    UUID jobId;
    List<Long> entries = new ArrayList<>();

    @BeforeEach
    void createTrail() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        ada = garage.admin("Ada Brennan");
        tom = garage.technician("Tom Reyes");
        Person carl = garage.customer("Carl", "Jensen");
        jobId = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).create();
        for (String action : List.of("job.change-status", "job.add-note", "job.change-status", "job.add-photo",
                "job.change-status")) {
            entries.add(entry(tom.subject(), action, jobId.toString()));
        }
        sequencer.chain(garage.garageId).await().atMost(Duration.ofSeconds(10));
    }

    @Test
    void intactChainVerifies() {
        verify().statusCode(200)
                .body("garageId", equalTo(garage.garageId.toString()))
                .body("intact", equalTo(true))
                .body("entries", equalTo(5))
                .body("pendingEntries", equalTo(0))
                .body("lastEntryId", equalTo(entries.get(4).intValue()))
                .body("lastHash", notNullValue())
                .body("firstBreak", nullValue());
    }

    @Test
    void editedEntryIsReported() {
        tamper("update audit_entry set outcome = 'REFUSED' where id = ?", entries.get(2));
        verify().statusCode(200)
                .body("intact", equalTo(false))
                .body("firstBreak.entryId", equalTo(entries.get(2).intValue()))
                .body("firstBreak.kind", equalTo("EDITED"))
                .body("firstBreak.explanation", containsString("edited"));
    }

    @Test
    void deletedEntryIsReported() {
        tamper("delete from audit_entry where id = ?", entries.get(1));
        verify().statusCode(200)
                .body("intact", equalTo(false))
                .body("entries", equalTo(4))
                .body("firstBreak.entryId", equalTo(entries.get(2).intValue()))
                .body("firstBreak.kind", equalTo("DELETED"));
    }

    @Test
    void reorderedEntriesAreReported() {
        long first = entries.get(1);
        long second = entries.get(3);
        long firstPosition = position(first);
        long secondPosition = position(second);
        tamper("update audit_entry set chain_position = -1 where id = ?", first);
        tamper("update audit_entry set chain_position = ? where id = ?", firstPosition, second);
        tamper("update audit_entry set chain_position = ? where id = ?", secondPosition, first);
        verify().statusCode(200)
                .body("intact", equalTo(false))
                .body("firstBreak.entryId", equalTo((int) second))
                .body("firstBreak.kind", equalTo("REORDERED"))
                .body("firstBreak.explanation", containsString("moved or inserted"));
    }

    @Test
    void deletedNewestEntriesAreReported() {
        tamper("delete from audit_entry where id = ?", entries.get(4));
        verify().statusCode(200)
                .body("intact", equalTo(false))
                .body("firstBreak.entryId", equalTo(entries.get(4).intValue()))
                .body("firstBreak.kind", equalTo("TRUNCATED"));
    }

    @Test
    void tamperingWithAnotherGaragesTrailLeavesThisChainIntact() {
        GarageFixture other = GarageFixture.create(dataSource);
        Person otherAdmin = other.admin("Otto");
        long theirs = entryIn(other.garageId, otherAdmin.subject(), "job.change-status", "x");
        entryIn(other.garageId, otherAdmin.subject(), "job.change-status", "y");
        tamper("delete from audit_entry where id = ?", theirs);
        verify().statusCode(200).body("intact", equalTo(true)).body("entries", equalTo(5));
        given().auth().oauth2(TOKENS.builder(otherAdmin).steppedUp().sign())
                .when().get("/api/v1/admin/audit/verification")
                .then().statusCode(200).body("intact", equalTo(false))
                .body("firstBreak.kind", equalTo("DELETED"));
    }

    @Test
    void entriesOfAResourceAreListedNewestFirstAcrossPages() {
        UUID otherJob = UUID.randomUUID();
        entry(ada.subject(), "job.change-status", otherJob.toString());
        JsonPath first = list(Map.of("resourceType", "job", "resourceId", jobId.toString(), "limit", 3))
                .statusCode(200)
                .body("items.id", contains(entries.get(4).intValue(), entries.get(3).intValue(),
                        entries.get(2).intValue()))
                .body("items[0].action", equalTo("job.change-status"))
                .body("items[0].actorSubject", equalTo(tom.subject()))
                .body("items[0].hash", notNullValue())
                .body("items[0].chainPosition", equalTo(5))
                .body("hasMore", equalTo(true))
                .extract().jsonPath();
        list(Map.of("resourceType", "job", "resourceId", jobId.toString(), "limit", 3,
                "after", first.getString("nextCursor")))
                .statusCode(200)
                .body("items.id", contains(entries.get(1).intValue(), entries.get(0).intValue()))
                .body("hasMore", equalTo(false));
    }

    @Test
    void entriesOfAnActorAreListed() {
        long adas = entry(ada.subject(), "job.change-status", jobId.toString());
        list(Map.of("actor", ada.subject()))
                .statusCode(200)
                .body("items.id", contains((int) adas));
    }

    @Test
    void actionsThroughTheApiAppearInTheTrail() {
        given().auth().oauth2(TOKENS.of(tom)).header("X-Device-Id", "pixel-8-tom")
                .contentType(ContentType.JSON).body(Map.of("status", "IN_PROGRESS", "baseVersion", 0))
                .when().post("/api/v1/jobs/" + jobId + "/status").then().statusCode(200);
        list(Map.of("resourceType", "job", "resourceId", jobId.toString(), "limit", 1))
                .statusCode(200)
                .body("items[0].outcome", equalTo("SUCCESS"))
                .body("items[0].deviceId", equalTo("pixel-8-tom"))
                .body("items[0].channel", equalTo("app"))
                .body("items[0].actorRole", equalTo("technician"))
                .body("items[0].requestId", notNullValue())
                .body("items[0].clientIp", notNullValue())
                .body("items[0].detail.to", equalTo("IN_PROGRESS"));
        verify().body("intact", equalTo(true)).body("entries", equalTo(6));
    }

    @Test
    void anotherGaragesEntriesAreNeverListed() {
        GarageFixture other = GarageFixture.create(dataSource);
        Person otherAdmin = other.admin("Otto");
        entryIn(other.garageId, otherAdmin.subject(), "job.change-status", jobId.toString());
        list(Map.of("resourceType", "job", "resourceId", jobId.toString()))
                .statusCode(200)
                .body("items.actorSubject", everyItem(equalTo(tom.subject())));
        given().auth().oauth2(TOKENS.builder(otherAdmin).steppedUp().sign())
                .queryParam("actor", tom.subject())
                .when().get("/api/v1/admin/audit/entries")
                .then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void onlyAdminsWithARecentStrongSignInMayReadTheTrail() {
        for (Person staff : List.of(tom, garage.advisor("Alice Morgan"))) {
            given().auth().oauth2(TOKENS.builder(staff).steppedUp().sign())
                    .when().get("/api/v1/admin/audit/verification")
                    .then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(TOKENS.builder(staff).steppedUp().sign())
                    .when().get("/api/v1/admin/audit/entries")
                    .then().statusCode(403);
        }
        given().auth().oauth2(TOKENS.of(ada))
                .when().get("/api/v1/admin/audit/entries")
                .then().statusCode(401)
                .header("WWW-Authenticate", containsString("insufficient_user_authentication"))
                .body("type", equalTo("urn:garage:problem:step-up-required"));
    }

    @Test
    void adminsNavigationOffersTheTrailAndTechniciansDoesNot() {
        given().auth().oauth2(TOKENS.of(ada)).when().get("/api/v1/navigation")
                .then().statusCode(200).body("sections.id", hasItem("audit"));
        given().auth().oauth2(TOKENS.of(tom)).when().get("/api/v1/navigation")
                .then().statusCode(200).body("sections.id", not(hasItem("audit")));
    }

    @Test
    void badFiltersAreNamed() {
        list(Map.of("resourceId", jobId.toString()))
                .statusCode(400).body("errors[0].field", equalTo("resourceType"));
        list(Map.of("resourceType", "Job; drop table audit_entry"))
                .statusCode(400).body("errors[0].field", equalTo("resourceType"));
        list(Map.of("after", "bm90LWEtY3Vyc29y"))
                .statusCode(400).body("type", equalTo("urn:garage:problem:invalid-cursor"));
        list(Map.of("limit", 500))
                .statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    private ValidatableResponse verify() {
        return given().auth().oauth2(TOKENS.builder(ada).steppedUp().sign())
                .when().get("/api/v1/admin/audit/verification").then();
    }

    private ValidatableResponse list(Map<String, Object> query) {
        return given().auth().oauth2(TOKENS.builder(ada).steppedUp().sign()).queryParams(query)
                .when().get("/api/v1/admin/audit/entries").then();
    }

    private long entry(String subject, String action, String resourceId) {
        return entryIn(garage.garageId, subject, action, resourceId);
    }

    /** Appends an entry as the services do; the sequencer chains it. */
    private long entryIn(UUID garageId, String subject, String action, String resourceId) {
        return ((Number) rows.one("insert into audit_entry (garage_id, actor_subject, actor_role, action,"
                + " resource_type, resource_id, outcome, occurred_at) values (?, ?, 'technician', ?, 'job', ?,"
                + " 'SUCCESS', now()) returning id", garageId, subject, action, resourceId).get("id")).longValue();
    }

    private long position(long entry) {
        return ((Number) rows.one("select chain_position from audit_entry where id = ?", entry).get("chain_position"))
                .longValue();
    }

    private void tamper(String statement, Object... params) {
        AuditTampering.tamper(dataSource, statement, params);
    }
}
