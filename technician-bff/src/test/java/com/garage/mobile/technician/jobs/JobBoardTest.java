package com.garage.mobile.technician.jobs;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class JobBoardTest {

    @Inject
    DataSource dataSource;

    GarageFixture garage;
    Person tom;
    Person tina;
    Person advisor;
    Person carl;
    UUID golf;

    @BeforeEach
    void createGarage() {
        garage = GarageFixture.create(dataSource);
        tom = garage.technician("Tom Reyes");
        tina = garage.technician("Tina Kowalski");
        advisor = garage.advisor("Alice Morgan");
        carl = garage.customer("Carl", "Jensen");
        golf = garage.vehicle(carl);
    }

    @Test
    void technicianSeesOwnUnfinishedJobsByPromisedTimeWithUnpromisedLast() {
        Instant now = Instant.now();
        UUID later = garage.job(carl, golf).assignedTo(tom).promisedAt(now.plus(Duration.ofHours(5))).create();
        UUID unpromised = garage.job(carl, golf).assignedTo(tom).status("IN_PROGRESS").create();
        UUID sooner = garage.job(carl, golf).assignedTo(tom).promisedAt(now.plus(Duration.ofHours(1)))
                .step("Inspect").create();
        garage.job(carl, golf).assignedTo(tina).promisedAt(now).create();

        given().auth().oauth2(TOKENS.of(tom))
                .when().get("/api/v1/jobs/board")
                .then().statusCode(200)
                .body("items.id", contains(sooner.toString(), later.toString(), unpromised.toString()))
                .body("items[0].vehicle.make", equalTo("Volkswagen"))
                .body("items[0].customerName", equalTo("Carl Jensen"))
                .body("items[0].stepsTotal", equalTo(1))
                .body("items[0].stepsDone", equalTo(0))
                .body("items[2].promisedAt", nullValue())
                .body("hasMore", equalTo(false))
                .body("nextCursor", nullValue());
    }

    @Test
    void boardKeepsJobsFinishedTodayButNotEarlierOnes() {
        Instant startOfToday = LocalDate.now(ZoneId.of("Europe/London")).atStartOfDay(ZoneId.of("Europe/London"))
                .toInstant();
        UUID closedToday = garage.job(carl, golf).assignedTo(tom).status("CLOSED")
                .closedAt(startOfToday.plusSeconds(1)).create();
        garage.job(carl, golf).assignedTo(tom).status("CLOSED").closedAt(startOfToday.minusSeconds(60)).create();
        garage.job(carl, golf).assignedTo(tom).status("CANCELLED").closedAt(startOfToday.minusSeconds(60)).create();

        given().auth().oauth2(TOKENS.of(tom))
                .when().get("/api/v1/jobs/board")
                .then().statusCode(200)
                .body("items.id", contains(closedToday.toString()));
    }

    @Test
    void overduePromiseIsFlagged() {
        garage.job(carl, golf).assignedTo(tom).promisedAt(Instant.now().minusSeconds(3600)).create();
        given().auth().oauth2(TOKENS.of(tom))
                .when().get("/api/v1/jobs/board")
                .then().statusCode(200)
                .body("items[0].overdue", equalTo(true));
    }

    @Test
    void boardPagesWithCursorsWithoutGapsOrRepeats() {
        Instant base = Instant.now().plus(Duration.ofHours(1));
        UUID[] jobs = new UUID[5];
        for (int i = 0; i < jobs.length; i++) {
            jobs[i] = garage.job(carl, golf).assignedTo(tom).promisedAt(base.plusSeconds(i * 60L)).create();
        }
        JsonPath first = given().auth().oauth2(TOKENS.of(tom)).queryParam("limit", 2)
                .when().get("/api/v1/jobs/board").then().statusCode(200)
                .body("items.id", contains(jobs[0].toString(), jobs[1].toString()))
                .body("hasMore", equalTo(true))
                .body("nextCursor", notNullValue())
                .extract().jsonPath();
        JsonPath second = given().auth().oauth2(TOKENS.of(tom)).queryParam("limit", 2)
                .queryParam("after", first.getString("nextCursor"))
                .when().get("/api/v1/jobs/board").then().statusCode(200)
                .body("items.id", contains(jobs[2].toString(), jobs[3].toString()))
                .extract().jsonPath();
        given().auth().oauth2(TOKENS.of(tom)).queryParam("limit", 2)
                .queryParam("after", second.getString("nextCursor"))
                .when().get("/api/v1/jobs/board").then().statusCode(200)
                .body("items.id", contains(jobs[4].toString()))
                .body("hasMore", equalTo(false));
    }

    @Test
    void advisorSeesTheWholeWorkshopButTechnicianMayNot() {
        garage.job(carl, golf).assignedTo(tom).create();
        garage.job(carl, golf).assignedTo(tina).create();
        garage.job(carl, golf).create();

        given().auth().oauth2(TOKENS.of(advisor)).queryParam("scope", "garage")
                .when().get("/api/v1/jobs/board")
                .then().statusCode(200).body("items", hasSize(3));
        given().auth().oauth2(TOKENS.of(tom)).queryParam("scope", "garage")
                .when().get("/api/v1/jobs/board")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anotherGaragesJobsNeverAppear() {
        GarageFixture other = GarageFixture.create(dataSource);
        Person stranger = other.customer("Sam", "Other");
        other.job(stranger, other.vehicle(stranger)).assignedTo(other.technician("Otto")).create();
        garage.job(carl, golf).assignedTo(tom).create();

        given().auth().oauth2(TOKENS.of(advisor)).queryParam("scope", "garage")
                .when().get("/api/v1/jobs/board")
                .then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void badPagingParametersAreNamed() {
        given().auth().oauth2(TOKENS.of(tom)).queryParam("limit", 0)
                .when().get("/api/v1/jobs/board")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:garage:problem:validation"))
                .body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(TOKENS.of(tom)).queryParam("limit", 201)
                .when().get("/api/v1/jobs/board")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(TOKENS.of(tom)).queryParam("limit", "ten")
                .when().get("/api/v1/jobs/board")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("limit"));
        given().auth().oauth2(TOKENS.of(tom)).queryParam("scope", "everything")
                .when().get("/api/v1/jobs/board")
                .then().statusCode(400).body("errors[0].field", equalTo("scope"));
        given().auth().oauth2(TOKENS.of(tom)).queryParam("after", "bm90LWEtY3Vyc29y")
                .when().get("/api/v1/jobs/board")
                .then().statusCode(400).body("type", equalTo("urn:garage:problem:invalid-cursor"));
    }
}
