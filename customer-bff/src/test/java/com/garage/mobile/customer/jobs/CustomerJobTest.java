package com.garage.mobile.customer.jobs;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class CustomerJobTest {

    @Inject
    DataSource dataSource;

    GarageFixture garage;
    Person carl;
    UUID golf;
    UUID jobId;

    @BeforeEach
    void createJob() {
        garage = GarageFixture.create(dataSource);
        Person tom = garage.technician("Tom Reyes");
        Person advisor = garage.advisor("Alice Morgan");
        carl = garage.customer("Carl", "Jensen");
        golf = garage.vehicle(carl);
        jobId = garage.job(carl, golf).assignedTo(tom).advisor(advisor).status("AWAITING_APPROVAL")
                .step("Road test").step("Replace pads")
                .part("Front brake pads", "BP-7731", 5400, 3100)
                .note("INTERNAL", "Customer is price sensitive", advisor)
                .note("CUSTOMER", "Pads worn to 2 mm", tom)
                .create();
    }

    @Test
    void customerSeesOnlyWhatIsMeantForThem() {
        String body = given().auth().oauth2(TOKENS.of(carl))
                .when().get("/api/v1/jobs/" + jobId)
                .then().statusCode(200)
                .body("status", equalTo("AWAITING_APPROVAL"))
                .body("advisorName", equalTo("Alice Morgan"))
                .body("progress.stepsTotal", equalTo(2))
                .body("notes.body", contains("Pads worn to 2 mm"))
                .body("notes[0].authorName", equalTo("Tom Reyes"))
                .body("estimate.currency", equalTo("GBP"))
                .body("estimate.lines[0].grossMinor", equalTo(6480))
                .body("estimate.awaitingDecision", equalTo(1))
                .body("estimate.lines[0]", not(hasKey("costPriceMinor")))
                .body("estimate.lines[0]", not(hasKey("partNumber")))
                .body("$", not(hasKey("technicians")))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(body.contains("price sensitive"), body);
        // As a value, not as text: "3100" can turn up inside a random id or a timestamp.
        org.junit.jupiter.api.Assertions.assertFalse(Pattern.compile(":\\s*(3100|31\\.00?)\\b").matcher(body).find(),
                body);
        org.junit.jupiter.api.Assertions.assertFalse(body.contains("BP-7731"), body);
    }

    @Test
    void jobsListNewestFirstAcrossPages() {
        UUID older = garage.job(carl, golf).createdAt(Instant.now().minusSeconds(86_400)).create();
        JsonPath first = given().auth().oauth2(TOKENS.of(carl)).queryParam("limit", 1)
                .when().get("/api/v1/jobs").then().statusCode(200)
                .body("items.id", contains(jobId.toString()))
                .body("items[0].vehicle.make", equalTo("Volkswagen"))
                .body("hasMore", equalTo(true))
                .extract().jsonPath();
        given().auth().oauth2(TOKENS.of(carl)).queryParam("limit", 1)
                .queryParam("after", first.getString("nextCursor"))
                .when().get("/api/v1/jobs").then().statusCode(200)
                .body("items.id", contains(older.toString()))
                .body("hasMore", equalTo(false));
    }

    @Test
    void payloadsCarryNoNulls() {
        UUID bare = garage.job(carl, golf).create();
        given().auth().oauth2(TOKENS.of(carl))
                .when().get("/api/v1/jobs/" + bare)
                .then().statusCode(200)
                .body("$", not(hasKey("promisedAt")))
                .body("$", not(hasKey("advisorName")))
                .body("$", not(hasKey("closedAt")));
    }
}
