package com.garage.mobile.technician;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.OperationalEndpoints;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.ProductionSettings;
import com.garage.mobile.testing.Rows;
import com.garage.mobile.testing.TestAttestations;
import com.garage.mobile.testing.TestSettings;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged technician-bff (JVM jar here, native executable under {@code -Pnative}) in the prod profile, configured
 * only through the production variables, against real PostgreSQL and Redis and the test OIDC provider.
 */
@QuarkusIntegrationTest
@WithTestResource(ProductionSettings.class)
class PackagedTechnicianAppIT {

    static final TestAttestations ATTESTATIONS = new TestAttestations("technician-bff", "com.garage.technician");

    Rows rows;
    GarageFixture garage;
    Person tom;
    UUID jobId;

    @BeforeEach
    void createJob() {
        rows = new Rows(TestSettings.dataSource());
        garage = GarageFixture.create(TestSettings.dataSource());
        tom = garage.technician("Tom Reyes");
        Person carl = garage.customer("Carl", "Jensen");
        jobId = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).step("Road test").create();
    }

    @Test
    void technicianSignsIn() {
        given().auth().oauth2(TOKENS.of(tom))
                .when().get("/api/v1/me")
                .then().statusCode(200)
                .body("role", equalTo("technician"))
                .body("displayName", equalTo("Tom Reyes"))
                .body("garage.id", equalTo(garage.garageId.toString()));
    }

    @Test
    void technicianReadsTheBoardAndTheJobCard() {
        given().auth().oauth2(TOKENS.of(tom))
                .when().get("/api/v1/jobs/board")
                .then().statusCode(200)
                .body("items.id", hasItem(jobId.toString()));
        given().auth().oauth2(TOKENS.of(tom))
                .when().get("/api/v1/jobs/" + jobId)
                .then().statusCode(200)
                .header("ETag", startsWith("\"0-"))
                .body("steps[0].title", equalTo("Road test"))
                .body("vehicle.make", equalTo("Volkswagen"));
    }

    @Test
    void anotherGaragesJobIsNotFound() {
        Person stranger = GarageFixture.create(TestSettings.dataSource()).technician("Sam Other");
        given().auth().oauth2(TOKENS.of(stranger))
                .when().get("/api/v1/jobs/" + jobId)
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void staleStatusChangeIsAConflictWithTheCurrentJobAndChangesNothing() {
        String nonce = given().auth().oauth2(TOKENS.of(tom)).when().post("/api/v1/device-attestation/nonces")
                .then().statusCode(200).extract().path("nonce");
        given().auth().oauth2(TOKENS.of(tom)).header("X-Device-Attestation", ATTESTATIONS.of(nonce).sign())
                .contentType(ContentType.JSON).body(Map.of("status", "IN_PROGRESS", "baseVersion", 7))
                .when().post("/api/v1/jobs/" + jobId + "/status")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:garage:problem:stale-version"))
                .body("current.id", equalTo(jobId.toString()))
                .body("current.version", equalTo(0));
        Map<String, Object> job = rows.one("select status, version from job_card where id = ?", jobId);
        assertEquals("OPEN", job.get("status"));
        assertEquals(0L, job.get("version"));
    }

    @Test
    void missingTokenIsAProblem() {
        given().when().get("/api/v1/me")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:garage:problem:unauthenticated"));
    }

    @Test
    void probesMetricsAndOpenApiAreServed() {
        OperationalEndpoints.assertServed("/api/v1/jobs/board");
    }

    @Test
    void everyEndpointHasASeriesOfItsOwnInTheMetrics() {
        OperationalEndpoints.assertEveryEndpointMeasured();
    }
}
