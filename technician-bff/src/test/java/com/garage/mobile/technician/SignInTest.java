package com.garage.mobile.technician;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
public class SignInTest {

    public static final TestTokens TOKENS = new TestTokens("technician-bff");

    @Inject
    DataSource dataSource;

    GarageFixture garage;
    Person technician;
    Person advisor;

    @BeforeEach
    void createGarage() {
        garage = GarageFixture.create(dataSource);
        technician = garage.technician("Tom Reyes");
        advisor = garage.advisor("Alice Morgan");
    }

    @Test
    void technicianLearnsWhoTheyAreAndWhere() {
        given().auth().oauth2(TOKENS.of(technician))
                .when().get("/api/v1/me")
                .then().statusCode(200)
                .body("role", equalTo("technician"))
                .body("displayName", equalTo("Tom Reyes"))
                .body("personId", equalTo(technician.id().toString()))
                .body("garage.id", equalTo(garage.garageId.toString()))
                .body("garage.timeZone", equalTo("Europe/London"))
                .body("garage.currency", equalTo("GBP"));
    }

    @Test
    void technicianNavigationHasNoWorkshopBoard() {
        given().auth().oauth2(TOKENS.of(technician))
                .when().get("/api/v1/navigation")
                .then().statusCode(200)
                .body("role", equalTo("technician"))
                .body("sections.id", hasItem("my-jobs"))
                .body("sections.id", not(hasItem("workshop")))
                .body("sections.id", not(hasItem("inbound-tows")))
                .body("sections.find { it.id == 'my-jobs' }.actions", hasItem("jobs:change-status"));
    }

    @Test
    void advisorNavigationHasTheWorkshopBoard() {
        given().auth().oauth2(TOKENS.of(advisor))
                .when().get("/api/v1/navigation")
                .then().statusCode(200)
                .body("role", equalTo("advisor"))
                .body("sections.id", hasItem("workshop"))
                .body("sections.id", hasItem("inbound-tows"));
    }

    @Test
    void customerTokenIsRefused() {
        Person customer = garage.customer("Carl", "Jensen");
        given().auth().oauth2(TOKENS.of(customer))
                .when().get("/api/v1/me")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:garage:problem:forbidden"))
                .body("status", equalTo(403));
    }

    @Test
    void missingTokenIsAskedToAuthenticate() {
        given().when().get("/api/v1/me")
                .then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .contentType("application/problem+json")
                .body("type", equalTo("urn:garage:problem:unauthenticated"));
    }

    @Test
    void aRefusedRequestIsCountedUnderItsEndpointsTemplateNotItsPath() {
        UUID job = UUID.randomUUID();
        given().when().get("/api/v1/jobs/" + job)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:garage:problem:unauthenticated"));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("status=\"401\",uri=\"/api/v1/jobs/{id}\""))
                .body(not(containsString(job.toString())));
    }

    @Test
    void expiredTokenIsRefused() {
        String expired = TOKENS.builder(technician).expiresAt(Instant.now().minusSeconds(600)).sign();
        given().auth().oauth2(expired).when().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void tokenFromAnotherIssuerIsRefused() {
        String foreign = TOKENS.builder(technician).issuer("https://evil.example.com").sign();
        given().auth().oauth2(foreign).when().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void tokenForTheCustomerAppIsRefused() {
        String otherAudience = TOKENS.builder(technician).audience("customer-bff").sign();
        given().auth().oauth2(otherAudience).when().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void unknownPersonIsToldTheyAreNotEnrolled() {
        given().auth().oauth2(TOKENS.stranger(garage.garageId, "technician").sign())
                .when().get("/api/v1/me")
                .then().statusCode(403)
                .body("detail", containsString("not enrolled"));
    }

    @Test
    void staffOfOneGarageCannotActAtAnother() {
        GarageFixture other = GarageFixture.create(dataSource);
        String token = TOKENS.builder(technician).garage(other.garageId).sign();
        given().auth().oauth2(token).when().get("/api/v1/me").then().statusCode(403);
    }

    @Test
    void tokenWithoutAValidGarageIsRefused() {
        given().auth().oauth2(TOKENS.builder(technician).garage(null).sign())
                .when().get("/api/v1/me").then().statusCode(403)
                .body("detail", containsString("garage"));
        given().auth().oauth2(TOKENS.builder(technician).garage("not-a-uuid").sign())
                .when().get("/api/v1/me").then().statusCode(403);
    }

    @Test
    void roleInTokenMustMatchTheStaffRecord() {
        String promoted = TOKENS.builder(technician).roles("advisor").sign();
        given().auth().oauth2(promoted).when().get("/api/v1/me").then().statusCode(403);
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/jobs/board"));
    }

    @Test
    void unknownRouteIsAProblem() {
        given().auth().oauth2(TOKENS.of(technician)).when().get("/api/v1/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }
}
