package com.garage.mobile.technician.payments;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class StaffPaymentsTest {

    @Inject
    DataSource dataSource;

    Rows rows;
    GarageFixture garage;
    Person ava;
    Person tom;
    UUID jobId;

    @BeforeEach
    void jobWithApprovedPads() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        ava = garage.advisor("Ava Stone");
        tom = garage.technician("Tom Reyes");
        Person carl = garage.customer("Carl", "Jensen");
        jobId = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).status("AWAITING_APPROVAL")
                .part("Front brake pads", "BP-7731", 5400, 3100).create();
        garage.sql("update estimate_line set approval_status = 'APPROVED', decided_at = now() where job_id = ?", jobId);
    }

    @Test
    void anAdvisorSetsAPercentageDepositWhichTheInvoiceThenAsks() {
        String etag = given().auth().oauth2(TOKENS.of(ava)).get("/api/v1/payment-settings")
                .then().statusCode(200).body("depositRule", equalTo("NONE")).body("version", equalTo(0))
                .extract().header("ETag");
        assertEquals("\"0\"", etag);
        String changed = given().auth().oauth2(TOKENS.of(ava)).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("depositRule", "PERCENTAGE", "depositPercentBp", 2500)).put("/api/v1/payment-settings")
                .then().statusCode(200).body("depositRule", equalTo("PERCENTAGE"))
                .body("depositPercentBp", equalTo(2500)).extract().header("ETag");
        assertEquals("\"" + rows.one("select version from garage_payment_settings where garage_id = ?",
                garage.garageId).get("version") + "\"", changed);
        given().auth().oauth2(TOKENS.of(ava)).get("/api/v1/jobs/" + jobId + "/invoice")
                .then().statusCode(200).body("grossMinor", equalTo(6480)).body("depositMinor", equalTo(1620))
                .body("dueNow", equalTo("DEPOSIT"));
        assertEquals(1L, rows.count("select count(*) from audit_entry where garage_id = ? and action = ?"
                + " and outcome = 'SUCCESS'", garage.garageId, "garage.payment-settings"));
    }

    @Test
    void badSettingsAreExplainedAndChangeNothing() {
        settings(ava, "0", Map.of("depositRule", "PERCENTAGE")).statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("depositPercentBp"));
        settings(ava, "0", Map.of("depositRule", "FIXED", "depositFixedMinor", 0)).statusCode(400)
                .body("errors[0].field", equalTo("depositFixedMinor"));
        settings(ava, "0", Map.of("depositRule", "PERCENTAGE", "depositPercentBp", 10_001)).statusCode(400)
                .body("errors[0].field", equalTo("depositPercentBp"));
        settings(ava, "0", Map.of("depositRule", "SOMETIMES")).statusCode(400)
                .body("errors[0].field", equalTo("depositRule"));
        settings(ava, "3", Map.of("depositRule", "FIXED", "depositFixedMinor", 5000)).statusCode(409)
                .body("type", equalTo("urn:garage:problem:stale-version"))
                .body("current.depositRule", equalTo("NONE")).header("ETag", "\"0\"");
        settings(tom, "0", Map.of("depositRule", "FIXED", "depositFixedMinor", 5000)).statusCode(403);
        assertEquals(0L, rows.count("select count(*) from garage_payment_settings where garage_id = ?",
                garage.garageId));
    }

    @Test
    void anAdvisorIssuesASingleUseLinkForExactlyWhatIsDue() {
        garage.sql("update job_card set status = 'READY_FOR_PICKUP' where id = ?", jobId);
        given().auth().oauth2(TOKENS.of(ava)).contentType(ContentType.JSON).body(Map.of("purpose", "BALANCE"))
                .post("/api/v1/jobs/" + jobId + "/payment-links")
                .then().statusCode(200)
                .body("url", matchesPattern("http://127\\.0\\.0\\.1:8082/pay/[A-Za-z0-9_-]{43}"))
                .body("amountMinor", equalTo(6480))
                .body("currency", equalTo("GBP"));
        Map<String, Object> link = rows.one("select token_hash, amount_minor, used_at from payment_link where job_id = ?",
                jobId);
        assertEquals(6480L, link.get("amount_minor"));
        assertEquals(64, link.get("token_hash").toString().length());
        assertNotEquals(null, link.get("token_hash"));
        assertEquals(1L, rows.count("select count(*) from audit_entry where garage_id = ? and action ="
                + " 'payment-link.issue' and outcome = 'SUCCESS' and resource_id = ?", garage.garageId,
                jobId.toString()));
    }

    @Test
    void aLinkForNothingDueOrByATechnicianIsRefused() {
        given().auth().oauth2(TOKENS.of(ava)).contentType(ContentType.JSON).body(Map.of("purpose", "BALANCE"))
                .post("/api/v1/jobs/" + jobId + "/payment-links")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:garage:problem:nothing-due"));
        given().auth().oauth2(TOKENS.of(tom)).contentType(ContentType.JSON).body(Map.of("purpose", "DEPOSIT"))
                .post("/api/v1/jobs/" + jobId + "/payment-links")
                .then().statusCode(403);
        given().auth().oauth2(TOKENS.of(ava)).contentType(ContentType.JSON)
                .body(Map.of("purpose", "BALANCE", "amountMinor", 100))
                .post("/api/v1/jobs/" + jobId + "/payment-links")
                .then().statusCode(400).body("errors[0].field", equalTo("amountMinor"));
        GarageFixture other = GarageFixture.create(dataSource);
        given().auth().oauth2(TOKENS.of(other.advisor("Olga"))).contentType(ContentType.JSON)
                .body(Map.of("purpose", "DEPOSIT")).post("/api/v1/jobs/" + jobId + "/payment-links")
                .then().statusCode(404);
        assertEquals(0L, rows.count("select count(*) from payment_link where job_id = ?", jobId));
    }

    private ValidatableResponse settings(Person who, String version, Map<String, Object> body) {
        return given().auth().oauth2(TOKENS.of(who)).header("If-Match", "\"" + version + "\"")
                .contentType(ContentType.JSON).body(body).put("/api/v1/payment-settings").then();
    }
}
