package com.garage.mobile.technician.analytics;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class SurveySearchTest {

    @Inject
    DataSource dataSource;

    @Test
    void adminsFindTheirGaragesAnswersByTheWordsOfTheCommentWithTheJob() {
        GarageFixture garage = GarageFixture.create(dataSource);
        Person admin = garage.admin("Ada Admin");
        Person carl = garage.customer("Carl", "Jensen");
        UUID job = garage.job(carl, garage.vehicle(carl)).status("CLOSED").create();
        answer(garage, carl, "NPS", 4, "The brakes still squeak", job);
        answer(garage, carl, "CSAT", 5, "Friendly front desk", null);
        GarageFixture other = GarageFixture.create(dataSource);
        Person sam = other.customer("Sam", "Other");
        answer(other, sam, "NPS", 2, "brakes failed again", null);

        given().auth().oauth2(TOKENS.of(admin)).queryParam("q", "brakes")
                .when().get("/api/v1/admin/surveys/answers").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].comment", equalTo("The brakes still squeak"))
                .body("[0].jobId", equalTo(job.toString())).body("[0].score", equalTo(4));
        given().auth().oauth2(TOKENS.of(admin)).queryParam("kind", "CSAT")
                .when().get("/api/v1/admin/surveys/answers").then().statusCode(200)
                .body("comment", contains("Friendly front desk"));
        given().auth().oauth2(TOKENS.of(admin)).queryParam("kind", "LIKERT")
                .when().get("/api/v1/admin/surveys/answers").then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        given().auth().oauth2(TOKENS.of(garage.advisor("Alice Morgan")))
                .when().get("/api/v1/admin/surveys/answers").then().statusCode(403);
    }

    private static void answer(GarageFixture garage, Person person, String kind, int score, String comment, UUID job) {
        garage.sql("insert into survey_answer (id, garage_id, person_id, person_role, kind, score, comment, job_id,"
                + " answered_at) values (?, ?, ?, 'customer', ?, ?, ?, ?, now())", UUID.randomUUID(), garage.garageId,
                person.id(), kind, score, comment, job);
    }
}
