package com.garage.mobile.customer;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.OperationalEndpoints;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.ProductionSettings;
import com.garage.mobile.testing.TestSettings;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged customer-bff (JVM jar here, native executable under {@code -Pnative}) in the prod profile, configured
 * only through the production variables, against real PostgreSQL and Redis and the test OIDC provider.
 */
@QuarkusIntegrationTest
@WithTestResource(ProductionSettings.class)
class PackagedCustomerAppIT {

    GarageFixture garage;
    Person carl;
    UUID jobId;

    @BeforeEach
    void createJob() {
        garage = GarageFixture.create(TestSettings.dataSource());
        carl = garage.customer("Carl", "Jensen");
        jobId = garage.job(carl, garage.vehicle(carl)).assignedTo(garage.technician("Tom Reyes"))
                .step("Replace pads").create();
    }

    @Test
    void customerSignsIn() {
        given().auth().oauth2(TOKENS.of(carl))
                .when().get("/api/v1/me")
                .then().statusCode(200)
                .body("role", equalTo("customer"))
                .body("displayName", equalTo("Carl Jensen"))
                .body("garage.id", equalTo(garage.garageId.toString()));
    }

    @Test
    void customerReadsTheirRepairs() {
        given().auth().oauth2(TOKENS.of(carl))
                .when().get("/api/v1/jobs")
                .then().statusCode(200)
                .body("items.id", contains(jobId.toString()));
        given().auth().oauth2(TOKENS.of(carl))
                .when().get("/api/v1/jobs/" + jobId)
                .then().statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("progress.stepsTotal", equalTo(1));
    }

    @Test
    void anotherCustomersRepairIsNotFound() {
        Person cora = garage.customer("Cora", "Li");
        given().auth().oauth2(TOKENS.of(cora))
                .when().get("/api/v1/jobs/" + jobId)
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void missingTokenIsAProblem() {
        given().when().get("/api/v1/profile")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:garage:problem:unauthenticated"));
    }

    @Test
    void probesMetricsAndOpenApiAreServed() {
        OperationalEndpoints.assertServed("/api/v1/jobs/{id}");
    }

    @Test
    void everyEndpointHasASeriesOfItsOwnInTheMetrics() {
        OperationalEndpoints.assertEveryEndpointMeasured();
    }
}
