package com.garage.mobile.technician.jobs;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class JobCardTest {

    @Inject
    DataSource dataSource;

    GarageFixture garage;
    Person tom;
    Person tina;
    Person advisor;
    UUID jobId;

    @BeforeEach
    void createJob() {
        garage = GarageFixture.create(dataSource);
        tom = garage.technician("Tom Reyes");
        tina = garage.technician("Tina Kowalski");
        advisor = garage.advisor("Alice Morgan");
        Person carl = garage.customer("Carl", "Jensen");
        jobId = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).advisor(advisor).status("IN_PROGRESS")
                .step("Road test").step("Replace pads")
                .part("Front brake pads", "BP-7731", 5400, 3100)
                .note("INTERNAL", "Rear discs lipped", tom)
                .note("CUSTOMER", "Pads worn to 2 mm", advisor)
                .create();
    }

    @Test
    void assignedTechnicianReadsTheWholeCardWithoutCostPrices() {
        given().auth().oauth2(TOKENS.of(tom))
                .when().get("/api/v1/jobs/" + jobId)
                .then().statusCode(200)
                .header("ETag", startsWith("\"0-"))
                .body("status", equalTo("IN_PROGRESS"))
                .body("assignedToMe", equalTo(true))
                .body("allowedTransitions", containsInAnyOrder("AWAITING_APPROVAL", "AWAITING_PARTS", "QUALITY_CHECK"))
                .body("advisor.name", equalTo("Alice Morgan"))
                .body("technicians.name", containsInAnyOrder("Tom Reyes"))
                .body("steps.title", hasSize(2))
                .body("notes.visibility", containsInAnyOrder("INTERNAL", "CUSTOMER"))
                .body("notes.author.name", hasItem("Tom Reyes"))
                .body("estimate.currency", equalTo("GBP"))
                .body("estimate.lines[0].partNumber", equalTo("BP-7731"))
                .body("estimate.lines[0].netMinor", equalTo(5400))
                .body("estimate.lines[0].taxMinor", equalTo(1080))
                .body("estimate.lines[0].grossMinor", equalTo(6480))
                .body("estimate.lines[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("costPriceMinor")))
                .body("customer.phone", nullValue());
    }

    @Test
    void advisorSeesCostPricesAndThePhoneNumber() {
        given().auth().oauth2(TOKENS.of(advisor))
                .when().get("/api/v1/jobs/" + jobId)
                .then().statusCode(200)
                .body("estimate.lines[0].costPriceMinor", equalTo(3100))
                .body("customer.phone", equalTo("+44 20 7946 0000"))
                .body("allowedTransitions", hasItem("CANCELLED"));
    }

    @Test
    void unassignedTechnicianMayReadButIsOfferedNoTransitions() {
        given().auth().oauth2(TOKENS.of(tina))
                .when().get("/api/v1/jobs/" + jobId)
                .then().statusCode(200)
                .body("assignedToMe", equalTo(false))
                .body("allowedTransitions", hasSize(0));
    }

    @Test
    void anotherGaragesJobIsNotFound() {
        GarageFixture other = GarageFixture.create(dataSource);
        Person otherTech = other.technician("Otto");
        given().auth().oauth2(TOKENS.of(otherTech))
                .when().get("/api/v1/jobs/" + jobId)
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:garage:problem:not-found"));
    }

    @Test
    void unknownOrMalformedIdsAreNotFound() {
        given().auth().oauth2(TOKENS.of(tom)).when().get("/api/v1/jobs/" + UUID.randomUUID())
                .then().statusCode(404);
        given().auth().oauth2(TOKENS.of(tom)).when().get("/api/v1/jobs/not-a-uuid")
                .then().statusCode(404).body("status", equalTo(404));
    }

    @Test
    void problemsNeverCarryStackTraces() {
        given().auth().oauth2(TOKENS.of(tom)).when().get("/api/v1/jobs/" + UUID.randomUUID())
                .then().statusCode(404)
                .body("keySet()", everyItem(org.hamcrest.Matchers.in(
                        java.util.List.of("type", "title", "status", "detail", "instance", "requestId"))));
    }
}
