package com.garage.mobile.customer.security;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.customer.approvals.Signing;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import com.garage.mobile.testing.TestAttestations;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * While posture is audit-only, a failing device is let through and flagged in the audit trail
 * with the reason it would be refused for; a passing one leaves no flag.
 */
@QuarkusTest
@TestProfile(PostureAuditOnly.class)
@WithTestResource(OidcWiremockTestResource.class)
class PostureAuditOnlyTest {

    static final TestAttestations ATTESTATIONS = new TestAttestations("customer-bff", "com.garage.customer");

    @Inject
    DataSource dataSource;

    Rows rows;
    GarageFixture garage;
    Person carl;
    UUID jobId;
    UUID line;

    @BeforeEach
    void createJob() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        carl = garage.customer("Carl", "Jensen");
        jobId = garage.job(carl, garage.vehicle(carl)).status("AWAITING_APPROVAL")
                .part("Front brake pads", "BP-7731", 5400, 3100).create();
        line = (UUID) rows.one("select id from estimate_line where job_id = ?", jobId).get("id");
    }

    @Test
    void deviceWithoutAttestationIsLetThroughAndFlagged() {
        approve(given()).statusCode(201).body("estimate.groups[0].lines[0].approvalStatus", equalTo("APPROVED"));
        assertEquals(List.of(Map.of("outcome", "FLAGGED", "problem", "urn:garage:problem:device-attestation-missing"),
                Map.of("outcome", "SUCCESS", "problem", "")), trail());
    }

    @Test
    void outdatedAppIsLetThroughAndFlaggedForUpgrade() {
        approve(given().header("X-Device-Attestation", ATTESTATIONS.of(nonce()).appVersion("1.9.0").sign()))
                .statusCode(201);
        assertEquals(List.of(Map.of("outcome", "FLAGGED", "problem", "urn:garage:problem:app-upgrade-required"),
                Map.of("outcome", "SUCCESS", "problem", "")), trail());
    }

    @Test
    void passingDeviceLeavesNoFlag() {
        approve(given().header("X-Device-Attestation", ATTESTATIONS.of(nonce()).integrity("BASIC")
                .os("ios", "17.4").sign()))
                .statusCode(201);
        assertEquals(List.of(Map.of("outcome", "SUCCESS", "problem", "")), trail());
    }

    private io.restassured.response.ValidatableResponse approve(RequestSpecification request) {
        var shown = Signing.estimate(TOKENS.of(carl), jobId);
        return request.auth().oauth2(TOKENS.builder(carl).steppedUp().sign()).contentType(ContentType.JSON)
                .body(Signing.decide(shown, Map.of(line, "APPROVED")))
                .when().post("/api/v1/jobs/" + jobId + "/estimate/approvals").then();
    }

    private String nonce() {
        return given().auth().oauth2(TOKENS.of(carl)).when().post("/api/v1/device-attestation/nonces")
                .then().statusCode(200).extract().path("nonce");
    }

    private List<Map<String, Object>> trail() {
        return rows.query("select outcome, coalesce(detail->>'problem', '') as problem from audit_entry"
                + " where garage_id = ? order by id", garage.garageId);
    }
}
