package com.garage.mobile.technician.notifications;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Staff register their phones and set their preferences in the technician app, as customers do in theirs. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PushProviderStubs.class)
class StaffDeviceTest {

    @Inject
    DataSource dataSource;

    Rows rows;
    GarageFixture garage;
    Person tom;

    @BeforeEach
    void technician() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        tom = garage.technician("Tom Reyes");
    }

    @Test
    void registeringAStaffDeviceNeedsARecentStrongSignIn() {
        given().auth().oauth2(TOKENS.of(tom)).header("Idempotency-Key", "tom-phone-0").contentType(ContentType.JSON)
                .body(Map.of("platform", "IOS", "token", PushFixture.apnsToken(), "appVersion", "5.0.1",
                        "osVersion", "17.5", "locale", "en-GB", "timeZone", "Europe/London"))
                .when().post("/api/v1/devices")
                .then().statusCode(401)
                .header("WWW-Authenticate", containsString("insufficient_user_authentication"));
        assertEquals(0L, rows.count("select count(*) from push_device where staff_id = ?", tom.id()));
    }

    @Test
    void registeringAStaffDeviceCountsInTheStrictSignInBudget() {
        for (int i = 0; i < 20; i++) {
            given().auth().oauth2(TOKENS.of(tom)).when().post("/api/v1/device-attestation/nonces")
                    .then().statusCode(200);
        }
        given().auth().oauth2(TOKENS.builder(tom).steppedUp().sign()).header("Idempotency-Key", "tom-phone-2")
                .contentType(ContentType.JSON)
                .body(Map.of("platform", "IOS", "token", PushFixture.apnsToken(), "appVersion", "5.0.1",
                        "osVersion", "17.5", "locale", "en-GB", "timeZone", "Europe/London"))
                .when().post("/api/v1/devices")
                .then().statusCode(429)
                .body("type", equalTo("urn:garage:problem:rate-limited"));
        assertEquals(0L, rows.count("select count(*) from push_device where staff_id = ?", tom.id()));
    }

    @Test
    void aTechnicianRegistersTheirPhoneAndQuietHours() {
        String token = PushFixture.apnsToken();
        given().auth().oauth2(TOKENS.builder(tom).steppedUp().sign()).header("Idempotency-Key", "tom-phone-1").contentType(ContentType.JSON)
                .body(Map.of("platform", "IOS", "token", token, "appVersion", "5.0.1", "osVersion", "17.5",
                        "locale", "en-GB", "timeZone", "Europe/London"))
                .when().post("/api/v1/devices")
                .then().statusCode(201).body("platform", equalTo("IOS"));
        Map<String, Object> device = rows.one("select staff_id, customer_id, active from push_device where token = ?", token);
        assertEquals(tom.id(), device.get("staff_id"));
        assertEquals(null, device.get("customer_id"));
        assertEquals("technician-app", rows.one("select distinct source_app from notification_consent where staff_id = ?",
                tom.id()).get("source_app"));

        given().auth().oauth2(TOKENS.of(tom)).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(Map.of("categories", Map.of("JOB_STATUS", true, "APPROVALS", true, "CHAT", true, "PAYMENTS", false,
                                "APPOINTMENT_REMINDERS", false, "MARKETING", false),
                        "quietHours", Map.of("start", "20:00", "end", "06:30", "timeZone", "Europe/London"),
                        "screen", "settings/notifications", "policyVersion", "2025-06"))
                .when().put("/api/v1/notification-preferences")
                .then().statusCode(200)
                .body("version", equalTo(2))
                .body("quietHours.start", equalTo("20:00"));
        assertEquals(2L, rows.count("select count(*) from notification_consent where staff_id = ? and not granted",
                tom.id()));
    }

    @Test
    void onlyAdminsSeeTheDeadLetters() {
        given().auth().oauth2(TOKENS.of(garage.advisor("Alice Morgan")))
                .when().get("/api/v1/admin/notifications/dead-letters")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TOKENS.of(garage.admin("Ada Brennan")))
                .when().get("/api/v1/navigation")
                .then().statusCode(200)
                .body("sections.find { it.id == 'dead-letters' }.path", equalTo("/api/v1/admin/notifications/dead-letters"));
    }
}
