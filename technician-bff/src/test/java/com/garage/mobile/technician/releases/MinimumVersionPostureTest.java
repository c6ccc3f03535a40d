package com.garage.mobile.technician.releases;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static com.garage.mobile.technician.releases.ReleaseDesk.appConfig;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.technician.security.PostureEnforced;
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
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One minimum version for the upgrade notice and the refusal: the app is told in its configuration,
 * during the grace period it is still let in, after it the posture check refuses it by the same setting.
 */
@QuarkusTest
@TestProfile(PostureEnforced.class)
@WithTestResource(OidcWiremockTestResource.class)
class MinimumVersionPostureTest {

    static final TestAttestations ATTESTATIONS = new TestAttestations("technician-bff", "com.garage.technician");
    static final String MESSAGE = "3.5 carries the new inspection sheet.";

    @Inject
    DataSource dataSource;

    Rows rows;
    GarageFixture garage;
    Person ada;
    Person tom;
    Person carl;

    @BeforeEach
    void garage() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        ReleaseDesk.clear(garage);
        ada = garage.admin("Ada Brennan");
        tom = garage.technician("Tom Reyes");
        carl = garage.customer("Carl", "Jensen");
    }

    @AfterEach
    void noMinimumLeft() {
        ReleaseDesk.clear(garage);
    }

    @Test
    void untilAnAdminSetsOneTheConfiguredMinimumHolds() {
        appConfig(tom, "android", "3.4.1").body("minimumVersion.minimum", equalTo("3.0.0"))
                .body("minimumVersion.standing", equalTo("SUPPORTED")).body("minimumVersion.requiredFrom", nullValue());
        appConfig(tom, "android", "2.9.0").body("minimumVersion.standing", equalTo("UPGRADE_REQUIRED"));
        startJob("android", "2.9.0").statusCode(403).body("type", equalTo("urn:garage:problem:app-upgrade-required"));
    }

    @Test
    void theAppIsToldDuringTheGracePeriodAndRefusedAfterIt() {
        setMinimum("ANDROID", "3.5.0", 48).statusCode(200).body("previousMinimum", equalTo("3.0.0"));
        appConfig(tom, "android", "3.4.1").body("minimumVersion.minimum", equalTo("3.5.0"))
                .body("minimumVersion.standing", equalTo("UPGRADE_RECOMMENDED"))
                .body("minimumVersion.requiredFrom", notNullValue())
                .body("minimumVersion.message", equalTo(MESSAGE));
        startJob("android", "3.4.1").statusCode(200);

        setMinimum("ANDROID", "3.5.0", 0).statusCode(200);
        appConfig(tom, "android", "3.4.1").body("minimumVersion.standing", equalTo("UPGRADE_REQUIRED"));
        startJob("android", "3.4.1").statusCode(403).body("type", equalTo("urn:garage:problem:app-upgrade-required"))
                .body("detail", containsString("version 3.5.0")).body("detail", containsString(MESSAGE))
                .body("errors[0].message", equalTo("must be 3.5.0 or later"));
        startJob("android", "3.5.0").statusCode(200);
        startJob("ios", "3.4.1").statusCode(200);
        appConfig(tom, "ios", "3.4.1").body("minimumVersion.minimum", equalTo("3.0.0"));
        assertEquals(2, rows.count("select count(*) from audit_entry where garage_id = ?"
                + " and action = 'release.minimum-version' and outcome = 'SUCCESS'", garage.garageId));
    }

    @Test
    void aBadMinimumIsRefusedAndTheOldOneStays() {
        setMinimum("ANDROID", "three", 0).statusCode(400).body("errors[0].field", equalTo("minimumVersion"));
        assertEquals(0, rows.count("select count(*) from app_minimum_version"));
        startJob("android", "3.4.1").statusCode(200);
    }

    private ValidatableResponse setMinimum(String platform, String version, int graceHours) {
        return given().auth().oauth2(TOKENS.builder(ada).steppedUp().sign())
                .header("X-Device-Attestation", ATTESTATIONS.of(nonce(ada)).sign())
                .contentType(ContentType.JSON).body(Map.of("app", "STAFF", "platform", platform,
                        "minimumVersion", version, "graceHours", graceHours, "message", MESSAGE))
                .put("/api/v1/admin/minimum-versions").then();
    }

    private ValidatableResponse startJob(String os, String appVersion) {
        var job = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).create();
        String attestation = ATTESTATIONS.of(nonce(tom)).os(os, os.equals("ios") ? "17.4" : "14")
                .appVersion(appVersion).sign();
        return given().auth().oauth2(TOKENS.of(tom)).header("X-Device-Attestation", attestation)
                .contentType(ContentType.JSON).body(Map.of("status", "IN_PROGRESS", "baseVersion", 0))
                .post("/api/v1/jobs/{id}/status", job).then();
    }

    private static String nonce(Person person) {
        return given().auth().oauth2(TOKENS.of(person)).post("/api/v1/device-attestation/nonces")
                .then().statusCode(200).extract().path("nonce");
    }
}
