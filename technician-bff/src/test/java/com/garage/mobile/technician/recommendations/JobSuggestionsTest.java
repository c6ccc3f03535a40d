package com.garage.mobile.technician.recommendations;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.domain.recommendation.ModelTraining;
import com.garage.mobile.domain.recommendation.ServiceIntervals;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The technician on a job with P0301 sees suggested checks with reasons, and, once the garage's
 * model has learned from its closed jobs, what its own misfire jobs did; advisors edit the intervals,
 * retrain and read the measures; another garage sees none of it.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class JobSuggestionsTest {

    @Inject
    DataSource dataSource;

    Rows rows;
    GarageFixture garage;
    GarageFixture other;
    Person tom;
    Person alice;
    Person carl;
    UUID job;

    @BeforeEach
    void aMisfireJobWithFourEarlierMisfiresFixedWithPlugsAndTwoOilChanges() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        other = GarageFixture.create(dataSource);
        tom = garage.technician("Tom Reyes");
        alice = garage.advisor("Alice Morgan");
        carl = garage.customer("Carl", "Jensen");
        for (int i = 0; i < 4; i++) {
            Person owner = garage.customer("Owner", "No" + i);
            UUID vehicle = garage.vehicle(owner);
            UUID closed = garage.job(owner, vehicle).step("Replace spark plugs").step("Road test").status("CLOSED")
                    .create();
            garage.sql("update job_step set status = 'DONE' where job_id = ?", closed);
            garage.sql("update job_card set concern = 'Engine shakes at idle' where id = ?", closed);
            garage.sql("insert into vehicle_trouble_code (garage_id, vehicle_id, code, first_seen_at, last_seen_at,"
                    + " source, job_id) values (?, ?, 'P0301', now(), now(), 'CHECK_IN', ?)", garage.garageId,
                    vehicle, closed);
        }
        for (int i = 0; i < 2; i++) {
            Person owner = garage.customer("Service", "No" + i);
            UUID serviced = garage.job(owner, garage.vehicle(owner)).step("Oil change").status("CLOSED").create();
            garage.sql("update job_step set status = 'DONE' where job_id = ?", serviced);
        }
        UUID golf = garage.vehicle(carl);
        job = garage.job(carl, golf).assignedTo(tom).status("IN_PROGRESS").create();
        given().auth().oauth2(TOKENS.of(tom)).contentType(ContentType.JSON)
                .body(Map.of("codes", List.of("P0301"), "odometerKm", 80_000, "jobId", job.toString()))
                .post("/api/v1/vehicles/{id}/telemetry", golf).then().statusCode(200);
    }

    @Test
    void codesGiveReasonedChecksBeforeAnyModelAndTheGaragesOwnJobsOnceTrained() {
        given().auth().oauth2(TOKENS.of(tom)).get("/api/v1/jobs/{id}/suggestions", job).then().statusCode(200)
                .body("codes", equalTo(List.of("P0301")))
                .body("modelVersion", equalTo(null))
                .body("suggestions.work", hasItem("check spark plugs"))
                .body("suggestions.find { it.work == 'check spark plugs' }.source", equalTo("TROUBLE_CODE"))
                .body("suggestions.find { it.work == 'check spark plugs' }.reasons[0]",
                        equalTo("Code P0301 means engine misfire."));

        given().auth().oauth2(TOKENS.of(tom)).post("/api/v1/admin/recommendations/model").then().statusCode(403);
        given().auth().oauth2(TOKENS.of(alice)).post("/api/v1/admin/recommendations/model").then().statusCode(200)
                .body("version", equalTo(1));
        assertEquals(1L, rows.count("select count(*) from recommendation_rule r join recommendation_model m"
                + " on m.id = r.model_id where m.garage_id = ? and r.antecedent = 'code:P0301'"
                + " and r.consequent = 'replace spark plugs' and r.together = 4", garage.garageId));
        assertEquals(List.of("REFUSED", "SUCCESS"), rows.query("select outcome from audit_entry where garage_id = ?"
                + " and action = ? order by id", garage.garageId, ModelTraining.ACTION).stream()
                .map(r -> r.get("outcome")).toList(), "the technician's attempt is audited too");

        given().auth().oauth2(TOKENS.of(tom)).get("/api/v1/jobs/{id}/suggestions", job).then().statusCode(200)
                .body("modelVersion", equalTo(1))
                .body("suggestions.find { it.work == 'replace spark plugs' }.source", equalTo("MODEL"))
                .body("suggestions.find { it.work == 'replace spark plugs' }.reasons[0]",
                        containsString("4 of 4 jobs here with code P0301 included \"replace spark plugs\""));

        Person stranger = other.technician("Sam Other");
        given().auth().oauth2(TOKENS.of(stranger)).get("/api/v1/jobs/{id}/suggestions", job).then().statusCode(404);
    }

    @Test
    void advisorsEditTheIntervalsBadOnesAreExplainedAndChangeNothing() {
        given().auth().oauth2(TOKENS.of(alice)).get("/api/v1/service-intervals").then().statusCode(200)
                .body("code", equalTo(ServiceIntervals.DEFAULTS.stream().map(i -> i.code()).toList()));

        given().auth().oauth2(TOKENS.of(alice)).contentType(ContentType.JSON)
                .body(Map.of("code", "oil", "name", "Oil", "distanceKm", 50, "matchTerms", List.of()))
                .put("/api/v1/service-intervals").then().statusCode(400)
                .body("errors.field", equalTo(List.of("distanceKm", "matchTerms")));
        assertEquals(0L, rows.count("select count(*) from service_interval where garage_id = ?", garage.garageId));
        given().auth().oauth2(TOKENS.of(tom)).contentType(ContentType.JSON)
                .body(Map.of("code", "oil", "name", "Oil", "distanceKm", 10_000, "matchTerms", List.of("oil")))
                .put("/api/v1/service-intervals").then().statusCode(403);

        given().auth().oauth2(TOKENS.of(alice)).contentType(ContentType.JSON)
                .body(Map.of("code", "oil", "name", "Oil and filter change", "distanceKm", 10_000, "months", 12,
                        "matchTerms", List.of("oil change")))
                .put("/api/v1/service-intervals").then().statusCode(200)
                .body("find { it.code == 'oil' }.distanceKm", equalTo(10_000));
        assertEquals((long) ServiceIntervals.DEFAULTS.size(), rows.count("select count(*) from service_interval"
                + " where garage_id = ?", garage.garageId), "the defaults were copied in first");
        assertEquals(1L, rows.count("select count(*) from audit_entry where garage_id = ? and action = ?"
                + " and outcome = 'SUCCESS'", garage.garageId, ServiceIntervals.ACTION));
        assertEquals(0L, rows.count("select count(*) from service_interval where garage_id = ?", other.garageId));
    }

    @Test
    void theMeasuresCountEachStepOncePerKindAndWeek() {
        UUID golf = (UUID) rows.one("select vehicle_id from job_card where id = ?", job).get("vehicle_id");
        UUID recommendation = UUID.randomUUID();
        Instant now = Instant.now();
        garage.sql("insert into recommendation (id, garage_id, vehicle_id, customer_id, kind, subject, title, reasons,"
                + " evidence, status, created_at, updated_at) values (?, ?, ?, ?, 'SERVICE_DUE', 'service:oil@never',"
                + " 'Oil and filter change is due', '[]', '{}', 'BOOKED', ?, ?)", recommendation, garage.garageId, golf,
                carl.id(), now.minus(Duration.ofDays(2)), now);
        for (String outcome : List.of("SHOWN", "ACCEPTED", "BOOKED")) {
            garage.sql("insert into recommendation_outcome (garage_id, recommendation_id, kind, outcome, at)"
                    + " values (?, ?, 'SERVICE_DUE', ?, ?)", garage.garageId, recommendation, outcome,
                    now.minus(Duration.ofDays(1)));
        }
        garage.sql("insert into estimate_line (id, garage_id, job_id, position, kind, description, quantity,"
                + " unit_price_minor, tax_rate_bp, approval_status, decided_at) values (?, ?, ?, 0, 'LABOUR',"
                + " 'Oil change', 1, 9000, 2000, 'APPROVED', now())", UUID.randomUUID(), garage.garageId, job);
        garage.sql("insert into payment (id, garage_id, job_id, customer_id, purpose, channel, amount_minor, currency,"
                + " status, manual_capture, provider, idempotency_key, status_at, created_at, updated_at) values"
                + " (?, ?, ?, ?, 'BALANCE', 'APP', 10800, 'EUR', 'SUCCEEDED', false, 'stripe', ?, now(), now(), now())",
                UUID.randomUUID(), garage.garageId, job, carl.id(), UUID.randomUUID().toString());

        given().auth().oauth2(TOKENS.of(alice)).get("/api/v1/admin/recommendations/measures?weeks=2").then()
                .statusCode(200)
                .body("[0].kind", equalTo("SERVICE_DUE")).body("[0].week", notNullValue())
                .body("[0].shown", equalTo(1)).body("[0].accepted", equalTo(1)).body("[0].booked", equalTo(1))
                .body("[0].approvedAndPaid", equalTo(1));
        given().auth().oauth2(TOKENS.of(alice)).get("/api/v1/admin/recommendations/measures?weeks=0").then()
                .statusCode(400).body("errors[0].field", equalTo("query.weeks"));
        given().auth().oauth2(TOKENS.of(tom)).get("/api/v1/admin/recommendations/measures").then().statusCode(403);
    }
}
