package com.garage.mobile.technician.recommendations;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** What a recommendation experiment's holdout keeps from the customer, the advisor still checks in. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class HeldOutRecommendationsTest {

    @Inject
    DataSource dataSource;

    @Test
    void theAdvisorSeesTheServiceDueThatTheHoldoutKeepsFromTheCustomer() {
        GarageFixture garage = GarageFixture.create(dataSource);
        Person alice = garage.advisor("Alice Morgan");
        Person carl = garage.customer("Carl", "Jensen");
        UUID golf = garage.vehicle(carl);
        garage.pastService(carl, golf, "Oil change", 30_000, Instant.now().minus(Duration.ofDays(200)));
        garage.customerExperiment("recommendation-service-due", "holdout:100");

        given().auth().oauth2(TOKENS.of(alice)).contentType(ContentType.JSON).body(Map.of("odometerKm", 44_900))
                .post("/api/v1/vehicles/{id}/telemetry", golf).then().statusCode(200);
        given().auth().oauth2(TOKENS.of(alice)).get("/api/v1/vehicles/{id}/recommendations", golf).then()
                .statusCode(200)
                .body("find { it.kind == 'SERVICE_DUE' && it.title.startsWith('Oil') }.status", equalTo("HELD_OUT"));
    }
}
