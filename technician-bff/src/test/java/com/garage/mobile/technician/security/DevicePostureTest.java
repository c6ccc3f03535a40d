package com.garage.mobile.technician.security;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.testing.AttestationKeysStub;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import com.garage.mobile.testing.TestAttestations;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.keys.EllipticCurves;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A change from the bay needs a genuine, current device; a failing one is refused with its reason. */
@QuarkusTest
@TestProfile(PostureEnforced.class)
@WithTestResource(OidcWiremockTestResource.class)
class DevicePostureTest {

    static final TestAttestations ATTESTATIONS = new TestAttestations("technician-bff", "com.garage.technician");

    @Inject
    DataSource dataSource;

    Rows rows;
    GarageFixture garage;
    Person tom;
    UUID jobId;

    @BeforeEach
    void createJob() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        tom = garage.technician("Tom Reyes");
        Person carl = garage.customer("Carl", "Jensen");
        jobId = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).create();
    }

    @AfterEach
    void restoreKeys() {
        AttestationKeysStub.publish(TestAttestations.KEY_1);
    }

    @Test
    void genuineCurrentDeviceMayChangeTheJob() {
        start(ATTESTATIONS.of(nonce(tom)).sign()).statusCode(200).body("status", equalTo("IN_PROGRESS"));
        assertEquals("IN_PROGRESS", status());
    }

    @Test
    void requestWithoutAttestationIsRefusedAndAudited() {
        given().auth().oauth2(TOKENS.of(tom)).contentType(ContentType.JSON)
                .body(Map.of("status", "IN_PROGRESS", "baseVersion", 0))
                .when().post("/api/v1/jobs/" + jobId + "/status")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:garage:problem:device-attestation-missing"))
                .body("detail", containsString("/api/v1/device-attestation/nonces"));
        assertUnchanged();
        Map<String, Object> audit = rows.one("select action, resource_id, outcome, detail->>'problem' as problem"
                + " from audit_entry where garage_id = ?", garage.garageId);
        assertEquals("job.change-status", audit.get("action"));
        assertEquals(jobId.toString(), audit.get("resource_id"));
        assertEquals("REFUSED", audit.get("outcome"));
        assertEquals("urn:garage:problem:device-attestation-missing", audit.get("problem"));
    }

    @Test
    void rootedOrJailbrokenDeviceIsRefused() {
        for (String verdict : new String[] {"BASIC", "COMPROMISED"}) {
            start(ATTESTATIONS.of(nonce(tom)).integrity(verdict).sign())
                    .statusCode(403)
                    .body("type", equalTo("urn:garage:problem:device-integrity-failed"))
                    .body("detail", containsString("rooted"));
        }
        assertUnchanged();
    }

    @Test
    void outdatedOrUnsupportedOperatingSystemIsRefused() {
        start(ATTESTATIONS.of(nonce(tom)).os("android", "12.1").sign())
                .statusCode(403)
                .body("type", equalTo("urn:garage:problem:device-os-unsupported"))
                .body("errors[0].field", equalTo("osVersion"))
                .body("errors[0].message", equalTo("must be 13 or later"));
        start(ATTESTATIONS.of(nonce(tom)).os("ios", "15.7").sign())
                .statusCode(403).body("errors[0].message", equalTo("must be 16.0 or later"));
        start(ATTESTATIONS.of(nonce(tom)).os("symbian", "9").sign())
                .statusCode(403).body("type", equalTo("urn:garage:problem:device-os-unsupported"));
        assertUnchanged();
        start(ATTESTATIONS.of(nonce(tom)).os("ios", "17.4.1").sign()).statusCode(200);
    }

    @Test
    void outdatedAppIsAskedToUpgrade() {
        for (String version : new String[] {"2.9.9", "3.0.0-beta.2"}) {
            start(ATTESTATIONS.of(nonce(tom)).appVersion(version).sign())
                    .statusCode(403)
                    .body("type", equalTo("urn:garage:problem:app-upgrade-required"))
                    .body("detail", containsString("Update it to version 3.0.0"))
                    .body("errors[0].field", equalTo("appVersion"))
                    .body("errors[0].message", equalTo("must be 3.0.0 or later"));
        }
        assertUnchanged();
    }

    @Test
    void anotherAppIsRefused() {
        start(ATTESTATIONS.of(nonce(tom)).claim("appId", "com.garage.customer").sign())
                .statusCode(403).body("type", equalTo("urn:garage:problem:app-not-allowed"));
        assertUnchanged();
    }

    @Test
    void attestationThatDoesNotVerifyIsRefused() throws Exception {
        JsonWebKey rogue = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        rogue.setKeyId("attest-test-1");
        String rogueKey = rogue.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);
        Map<String, String> attestations = Map.of(
                "has expired", ATTESTATIONS.of(nonce(tom)).issuedAt(Instant.now().minusSeconds(200))
                        .expiresAt(Instant.now().minusSeconds(100)).sign(),
                "made for another service", ATTESTATIONS.of(nonce(tom)).audience("customer-bff").sign(),
                "not issued by the integrity service",
                ATTESTATIONS.of(nonce(tom)).issuer("https://evil.example").sign(),
                "not signed by the integrity service", ATTESTATIONS.of(nonce(tom)).signedWith(rogueKey).sign(),
                "too old", ATTESTATIONS.of(nonce(tom)).issuedAt(Instant.now().minusSeconds(3600)).sign(),
                "does not state deviceIntegrity", ATTESTATIONS.of(nonce(tom)).integrity(null).sign(),
                "not a valid signed attestation", "not.a.jwt");
        attestations.forEach((reason, attestation) -> start(attestation)
                .statusCode(403)
                .body("type", equalTo("urn:garage:problem:device-attestation-invalid"))
                .body("detail", containsString(reason)));
        assertUnchanged();
    }

    @Test
    void nonceIsSingleUseAndPersonal() {
        String attestation = ATTESTATIONS.of(nonce(tom)).sign();
        start(attestation).statusCode(200);
        given().auth().oauth2(TOKENS.of(tom)).header("X-Device-Attestation", attestation).contentType(ContentType.JSON)
                .body(Map.of("status", "AWAITING_PARTS", "baseVersion", 1))
                .when().post("/api/v1/jobs/" + jobId + "/status")
                .then().statusCode(403).body("type", equalTo("urn:garage:problem:device-attestation-not-fresh"));
        Person tina = garage.technician("Tina Kowalski");
        Person cora = garage.customer("Cora", "Li");
        UUID tinasJob = garage.job(cora, garage.vehicle(cora)).assignedTo(tina).create();
        given().auth().oauth2(TOKENS.of(tina))
                .header("X-Device-Attestation", ATTESTATIONS.of(nonce(tom)).sign()).contentType(ContentType.JSON)
                .body(Map.of("status", "IN_PROGRESS", "baseVersion", 0))
                .when().post("/api/v1/jobs/" + tinasJob + "/status")
                .then().statusCode(403).body("type", equalTo("urn:garage:problem:device-attestation-not-fresh"));
        start(ATTESTATIONS.of("a-nonce-we-never-issued").sign())
                .statusCode(403).body("type", equalTo("urn:garage:problem:device-attestation-not-fresh"));
        assertEquals("IN_PROGRESS", status());
    }

    @Test
    void rotatedSigningKeyIsFetchedFromTheKeySet() {
        AttestationKeysStub.publish(TestAttestations.KEY_1, TestAttestations.KEY_2);
        start(ATTESTATIONS.of(nonce(tom)).signedWith(TestAttestations.KEY_2).sign()).statusCode(200);
    }

    @Test
    void readsAndNoncesNeedNoAttestation() {
        given().auth().oauth2(TOKENS.of(tom)).when().get("/api/v1/jobs/" + jobId).then().statusCode(200);
        given().auth().oauth2(TOKENS.of(tom)).when().post("/api/v1/device-attestation/nonces")
                .then().statusCode(200)
                .body("nonce", org.hamcrest.Matchers.matchesPattern("[A-Za-z0-9_-]{43}"))
                .body("expiresAt", org.hamcrest.Matchers.notNullValue());
    }

    private String nonce(Person person) {
        return given().auth().oauth2(TOKENS.of(person)).when().post("/api/v1/device-attestation/nonces")
                .then().statusCode(200).extract().path("nonce");
    }

    private ValidatableResponse start(String attestation) {
        return given().auth().oauth2(TOKENS.of(tom)).header("X-Device-Attestation", attestation)
                .contentType(ContentType.JSON).body(Map.of("status", "IN_PROGRESS", "baseVersion", 0))
                .when().post("/api/v1/jobs/" + jobId + "/status").then();
    }

    private String status() {
        return (String) rows.one("select status from job_card where id = ?", jobId).get("status");
    }

    private void assertUnchanged() {
        assertEquals("OPEN", status());
        assertEquals(0L, rows.count("select count(*) from job_event where job_id = ?", jobId));
    }
}
