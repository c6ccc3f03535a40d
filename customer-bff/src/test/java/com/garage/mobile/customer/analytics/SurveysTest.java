package com.garage.mobile.customer.analytics;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class SurveysTest {

    @Inject
    DataSource dataSource;

    GarageFixture garage;
    Person carl;
    Rows rows;
    UUID closedJob;

    @BeforeEach
    void customerWithAClosedJob() {
        garage = GarageFixture.create(dataSource);
        carl = garage.customer("Carl", "Jensen");
        rows = new Rows(dataSource);
        closedJob = garage.job(carl, garage.vehicle(carl)).status("CLOSED").create();
    }

    @Test
    void anNpsAfterAClosedJobIsStoredAndASecondWithinNinetyDaysIsRefused() {
        answer(carl, "NPS", 9, "Quick and friendly", closedJob).statusCode(201)
                .body("kind", equalTo("NPS")).body("score", equalTo(9)).body("jobId", equalTo(closedJob.toString()));
        Map<String, Object> stored = rows.one("select score, comment, job_id, person_role from survey_answer"
                + " where person_id = ?", carl.id());
        assertEquals("Quick and friendly", stored.get("comment"));
        assertEquals(closedJob, stored.get("job_id"));
        assertEquals(1L, rows.count("select count(*) from audit_entry where garage_id = ? and action = 'survey.answer'",
                garage.garageId));
        config(carl).body("surveys.nps", equalTo(false)).body("surveys.csat", equalTo(false));

        answer(carl, "NPS", 3, null, null).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:garage:problem:survey-not-due"));
        answer(carl, "CSAT", 4, null, null).statusCode(409);
        assertEquals(1L, rows.count("select count(*) from survey_answer where person_id = ?", carl.id()));
    }

    @Test
    void aWeekAfterAnNpsACsatIsDueButNotAnotherNps() {
        garage.sql("insert into survey_answer (id, garage_id, person_id, person_role, kind, score, answered_at)"
                + " values (?, ?, ?, 'customer', 'NPS', 8, now() - interval '8 days')", UUID.randomUUID(),
                garage.garageId, carl.id());
        config(carl).body("surveys.nps", equalTo(false)).body("surveys.csat", equalTo(true));
        answer(carl, "NPS", 10, null, null).statusCode(409);
        answer(carl, "CSAT", 5, null, closedJob).statusCode(201);
    }

    @Test
    void badAnswersAreRefusedAndNothingIsStored() {
        answer(carl, "NPS", 11, null, null).statusCode(400).body("errors[0].field", equalTo("score"));
        answer(carl, "CSAT", 0, null, null).statusCode(400);
        UUID openJob = garage.job(carl, garage.vehicle(carl)).create();
        answer(carl, "NPS", 7, null, openJob).statusCode(400).body("errors[0].field", equalTo("jobId"));
        Person cora = garage.customer("Cora", "Li");
        answer(cora, "NPS", 7, null, closedJob).statusCode(404);
        answer(carl, "NPS", 7, "x".repeat(2001), null).statusCode(400);
        assertEquals(0L, rows.count("select count(*) from survey_answer where garage_id = ?", garage.garageId));
    }

    @Test
    void twoAnswersAtOnceStoreOne() throws Exception {
        var first = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> answer(carl, "NPS", 9, null, null).extract().statusCode());
        var second = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> answer(carl, "NPS", 6, null, null).extract().statusCode());
        assertEquals(201 + 409, first.get() + second.get());
        assertEquals(1L, rows.count("select count(*) from survey_answer where person_id = ?", carl.id()));
    }

    private ValidatableResponse answer(Person person, String kind, int score, String comment, UUID job) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("score", score);
        if (comment != null) {
            body.put("comment", comment);
        }
        if (job != null) {
            body.put("jobId", job.toString());
        }
        return given().auth().oauth2(TOKENS.of(person)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/surveys/answers").then();
    }

    private ValidatableResponse config(Person person) {
        return given().auth().oauth2(TOKENS.of(person)).when().get("/api/v1/app-config").then().statusCode(200);
    }
}
