package com.garage.mobile.technician.jobs;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class JobAssignmentTest {

    @Inject
    DataSource dataSource;

    Rows rows;
    GarageFixture garage;
    Person alice;
    Person tom;
    Person tina;
    UUID jobId;

    @BeforeEach
    void createJob() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        alice = garage.advisor("Alice Morgan");
        tom = garage.technician("Tom Reyes");
        tina = garage.technician("Tina Kowalski");
        Person carl = garage.customer("Carl", "Jensen");
        jobId = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).create();
    }

    @Test
    void advisorAssignsATechnicianWithEventAndAudit() {
        put(alice, tina, "\"0\"").statusCode(200)
                .header("ETag", startsWith("\"1-"))
                .body("version", equalTo(1))
                .body("technicians.name", hasItem("Tina Kowalski"));

        assertEquals(2L, rows.count("select count(*) from job_assignment where job_id = ?", jobId));
        Map<String, Object> event = rows.one("select seq, type, customer_visible, payload->>'technicianId' as who,"
                + " technician_ids from job_event where job_id = ?", jobId);
        assertEquals("job.technician-assigned", event.get("type"));
        assertEquals(false, event.get("customer_visible"));
        assertEquals(tina.id().toString(), event.get("who"));
        assertEquals(Set.of(tom.id(), tina.id()), Set.copyOf(uuids(event.get("technician_ids"))),
                "the new technician already receives the event announcing it");
        assertEquals("SUCCESS", audit("job.assign-technician").get("outcome"));
    }

    @Test
    void unassignedTechnicianStillReceivesTheEventThatTellsThem() {
        delete(alice, tom, "\"0\"").statusCode(200)
                .body("version", equalTo(1))
                .body("technicians.name", not(hasItem("Tom Reyes")));

        assertEquals(0L, rows.count("select count(*) from job_assignment where job_id = ?", jobId));
        Map<String, Object> event = rows.one("select type, technician_ids from job_event where job_id = ?", jobId);
        assertEquals("job.technician-unassigned", event.get("type"));
        assertEquals(List.of(tom.id()), uuids(event.get("technician_ids")));
        assertEquals("SUCCESS", audit("job.unassign-technician").get("outcome"));
    }

    @Test
    void askingForTheCurrentStateChangesNothing() {
        put(alice, tom, "\"0\"").statusCode(200).body("version", equalTo(0));
        delete(alice, tina, "\"0\"").statusCode(200).body("version", equalTo(0));

        assertEquals(0L, rows.count("select count(*) from job_event where job_id = ?", jobId));
        assertEquals(1L, rows.count("select count(*) from job_assignment where job_id = ?", jobId));
    }

    @Test
    void staleVersionGets409WithTheCurrentJobAndChangesNothing() {
        put(alice, tina, "\"0\"").statusCode(200);

        delete(alice, tom, "\"0\"").statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:garage:problem:stale-version"))
                .body("current.version", equalTo(1));
        assertEquals(2L, rows.count("select count(*) from job_assignment where job_id = ?", jobId));
        assertEquals(1L, rows.count("select count(*) from job_event where job_id = ?", jobId));
        assertEquals("CONFLICT", audit("job.unassign-technician").get("outcome"));
    }

    @Test
    void missingOrMalformedIfMatchIsRefused() {
        put(alice, tina, null).statusCode(428).body("type", equalTo("urn:garage:problem:version-required"));
        put(alice, tina, "yesterday").statusCode(400).body("errors[0].field", equalTo("If-Match"));
        assertUnchanged();
    }

    @Test
    void techniciansCannotAssign() {
        put(tom, tina, "\"0\"").statusCode(403).contentType("application/problem+json");
        assertUnchanged();
    }

    @Test
    void anotherGaragesJobOrTechnicianIsNotFound() {
        GarageFixture other = GarageFixture.create(dataSource);
        Person otto = other.technician("Otto Lind");
        Person olga = other.customer("Olga", "Berg");
        UUID othersJob = other.job(olga, other.vehicle(olga)).create();

        given().auth().oauth2(TOKENS.of(alice)).header("If-Match", "\"0\"")
                .when().put("/api/v1/jobs/" + othersJob + "/technicians/" + tina.id())
                .then().statusCode(404).body("type", equalTo("urn:garage:problem:not-found"));
        put(alice, otto, "\"0\"").statusCode(404).body("detail", equalTo("Technician not found."));
        assertUnchanged();
        assertEquals(0L, rows.count("select count(*) from job_assignment where job_id = ?", othersJob));
    }

    @Test
    void onlyActiveTechniciansCanBeAssigned() {
        put(alice, alice, "\"0\"").statusCode(400)
                .body("type", equalTo("urn:garage:problem:validation"))
                .body("errors[0].field", equalTo("technicianId"));
        garage.sql("update staff set active = false where id = ?", tina.id());
        put(alice, tina, "\"0\"").statusCode(400).body("errors[0].field", equalTo("technicianId"));
        assertUnchanged();
        assertEquals("REFUSED", audit("job.assign-technician").get("outcome"));
    }

    @Test
    void finishedJobKeepsItsTechnicians() {
        garage.sql("update job_card set status = 'CLOSED', closed_at = now() where id = ?", jobId);
        delete(alice, tom, "\"0\"").statusCode(409).body("type", equalTo("urn:garage:problem:invalid-transition"));
        assertUnchanged();
    }

    private ValidatableResponse put(Person who, Person technician, String ifMatch) {
        var request = given().auth().oauth2(TOKENS.of(who));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().put(path(technician)).then();
    }

    private ValidatableResponse delete(Person who, Person technician, String ifMatch) {
        return given().auth().oauth2(TOKENS.of(who)).header("If-Match", ifMatch).when().delete(path(technician)).then();
    }

    private String path(Person technician) {
        return "/api/v1/jobs/" + jobId + "/technicians/" + technician.id();
    }

    private void assertUnchanged() {
        assertEquals(List.of(tom.id()), rows.query("select technician_id from job_assignment where job_id = ?", jobId)
                .stream().map(row -> row.get("technician_id")).toList());
        assertEquals(0L, rows.count("select version from job_card where id = ?", jobId));
        assertEquals(0L, rows.count("select count(*) from job_event where job_id = ?", jobId));
    }

    private Map<String, Object> audit(String action) {
        return rows.one("select outcome from audit_entry where garage_id = ? and action = ? order by id desc limit 1",
                garage.garageId, action);
    }

    private static List<UUID> uuids(Object array) {
        try {
            return List.of((UUID[]) ((Array) array).getArray());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
