package com.garage.mobile.customer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
public class SignInTest {

    public static final TestTokens TOKENS = new TestTokens("customer-bff");

    @Inject
    DataSource dataSource;

    GarageFixture garage;
    Person carl;

    @BeforeEach
    void createGarage() {
        garage = GarageFixture.create(dataSource);
        carl = garage.customer("Carl", "Jensen");
    }

    @Test
    void customerLearnsWhoTheyAre() {
        given().auth().oauth2(TOKENS.of(carl))
                .when().get("/api/v1/me")
                .then().statusCode(200)
                .body("role", equalTo("customer"))
                .body("displayName", equalTo("Carl Jensen"))
                .body("garage.id", equalTo(garage.garageId.toString()));
    }

    @Test
    void customerNavigationListsTheirSections() {
        given().auth().oauth2(TOKENS.of(carl))
                .when().get("/api/v1/navigation")
                .then().statusCode(200)
                .body("sections.id", contains("my-jobs", "payments", "appointments", "vehicles", "recommendations",
                        "profile", "chat", "notifications", "sync", "roadside", "partners"))
                .body("sections.find { it.id == 'payments' }.path", equalTo("/api/v1/payments"))
                .body("sections.find { it.id == 'payments' }.actions", contains("payments:pay-own"));
    }

    @Test
    void staffTokensAreRefused() {
        for (Person staff : new Person[] {garage.technician("Tom"), garage.advisor("Alice"), garage.admin("Ada")}) {
            given().auth().oauth2(TOKENS.of(staff))
                    .when().get("/api/v1/jobs")
                    .then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:garage:problem:forbidden"));
        }
    }

    @Test
    void customerOfAnotherGarageIsNotEnrolledHere() {
        GarageFixture other = GarageFixture.create(dataSource);
        String token = TOKENS.builder(carl).garage(other.garageId).sign();
        given().auth().oauth2(token).when().get("/api/v1/profile")
                .then().statusCode(403).body("detail", containsString("not enrolled"));
    }

    @Test
    void tokenForTheTechnicianAppIsRefused() {
        given().auth().oauth2(TOKENS.builder(carl).audience("technician-bff").sign())
                .when().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void missingTokenIsAskedToAuthenticate() {
        given().when().get("/api/v1/profile")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/jobs/{id}"));
    }
}
