package com.garage.mobile.customer.notifications;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.notification.NotificationCategory;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class NotificationPreferencesTest {

    @Inject
    DataSource dataSource;

    Rows rows;
    GarageFixture garage;
    Person carl;

    @BeforeEach
    void customer() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        carl = garage.customer("Carl", "Jensen");
    }

    @Test
    void everyCategoryIsOneTheLedgerAccepts() {
        List<String> rowsOfCategories = rows.query("select name from notification_category order by name").stream()
                .map(row -> (String) row.get("name")).toList();
        List<String> categories = Arrays.stream(NotificationCategory.values()).map(Enum::name).sorted().toList();
        assertEquals(categories, rowsOfCategories);
    }

    @Test
    void nothingIsConsentedBeforeThePersonDecides() {
        given().auth().oauth2(TOKENS.of(carl)).when().get("/api/v1/notification-preferences")
                .then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("version", equalTo(0))
                .body("policyVersion", equalTo("2025-06"))
                .body("categories.category", containsInAnyOrder("JOB_STATUS", "APPROVALS", "CHAT", "PAYMENTS",
                        "APPOINTMENT_REMINDERS", "MARKETING", "SERVICE_REMINDERS", "SAFETY", "ROADSIDE"))
                .body("categories.findAll { it.granted }", empty())
                .body("categories.find { it.category == 'MARKETING' }.operational", equalTo(false))
                .body("categories.find { it.category == 'APPROVALS' }.critical", equalTo(true))
                .body("quietHours", nullValue());
    }

    @Test
    void theSettingsScreenRecordsEveryChangeInTheLedger() {
        replace(document(true, false, "22:00", "07:00"), "\"0\"")
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("version", equalTo(1))
                .body("categories.find { it.category == 'JOB_STATUS' }.granted", equalTo(true))
                .body("categories.find { it.category == 'JOB_STATUS' }.sourceScreen", equalTo("settings/notifications"))
                .body("categories.find { it.category == 'MARKETING' }.granted", equalTo(false))
                .body("quietHours.start", equalTo("22:00"))
                .body("quietHours.end", equalTo("07:00"))
                .body("quietHours.timeZone", equalTo("Europe/London"));

        replace(document(false, true, null, null), "\"1\"")
                .statusCode(200)
                .body("version", equalTo(2))
                .body("categories.find { it.category == 'JOB_STATUS' }.granted", equalTo(false))
                .body("categories.find { it.category == 'MARKETING' }.granted", equalTo(true))
                .body("quietHours", nullValue());

        List<Map<String, Object>> ledger = rows.query("select category, granted, source_app, policy_version"
                + " from notification_consent where customer_id = ? and category in ('JOB_STATUS', 'MARKETING')"
                + " order by id", carl.id());
        assertEquals(List.of("JOB_STATUS:true", "MARKETING:true", "JOB_STATUS:false"),
                ledger.stream().map(r -> r.get("category") + ":" + r.get("granted")).toList());
        assertEquals(7, rows.count("select count(*) from notification_consent where customer_id = ?", carl.id()),
                "five operational grants, then one withdrawal and one grant: unchanged categories add nothing");
        assertEquals(2, rows.count("select count(*) from audit_entry where garage_id = ?"
                + " and action = 'notification-preferences.update' and outcome = 'SUCCESS'", garage.garageId));
    }

    @Test
    void theConsentHistoryIsExportedWithItsSources() {
        replace(document(true, false, null, null), "\"0\"").statusCode(200);
        replace(document(false, false, null, null), "\"1\"").statusCode(200);

        String disposition = given().auth().oauth2(TOKENS.of(carl))
                .when().get("/api/v1/notification-preferences/history")
                .then().statusCode(200)
                .body("personId", equalTo(carl.id().toString()))
                .body("records.size()", equalTo(6))
                .body("records[0].category", equalTo("JOB_STATUS"))
                .body("records[0].granted", equalTo(true))
                .body("records[0].sourceApp", equalTo("customer-app"))
                .body("records[0].sourceScreen", equalTo("settings/notifications"))
                .body("records[0].policyVersion", equalTo("2025-06"))
                .body("records[0].deviceId", equalTo("carls-pixel"))
                .body("records[5].category", equalTo("JOB_STATUS"))
                .body("records[5].granted", equalTo(false))
                .extract().header("Content-Disposition");
        assertTrue(disposition.contains("consent-history.json"), disposition);
    }

    @Test
    void aStaleChangeGetsTheCurrentPreferencesAndChangesNothing() {
        replace(document(true, false, null, null), "\"0\"").statusCode(200);

        replace(document(false, true, null, null), "\"0\"")
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:garage:problem:stale-version"))
                .body("current.version", equalTo(1))
                .body("current.categories.find { it.category == 'MARKETING' }.granted", equalTo(false));

        assertEquals(5, rows.count("select count(*) from notification_consent where customer_id = ?", carl.id()));
        assertEquals("CONFLICT", rows.one("select outcome from audit_entry where garage_id = ? and outcome <> 'SUCCESS'",
                garage.garageId).get("outcome"));
    }

    @Test
    void aCategoryTheAppDoesNotNameKeepsItsDecision() {
        replace(document(true, false, null, null), "\"0\"").statusCode(200);
        Map<String, Object> olderApp = document(false, false, null, null);
        castCategories(olderApp).remove("CHAT");

        replace(olderApp, "\"1\"").statusCode(200)
                .body("categories.find { it.category == 'CHAT' }.granted", equalTo(true))
                .body("categories.find { it.category == 'JOB_STATUS' }.granted", equalTo(false));

        assertEquals(List.of(true), rows.query("select granted from notification_consent where customer_id = ?"
                + " and category = 'CHAT' order by id", carl.id()).stream().map(row -> row.get("granted")).toList());
    }

    @Test
    void badDocumentsAreExplainedAndChangeNothing() {
        Map<String, Object> undecided = document(true, false, null, null);
        castCategories(undecided).put("CHAT", null);
        replace(undecided, "\"0\"").statusCode(400).body("errors[0].field", equalTo("categories.CHAT"));

        Map<String, Object> unknown = document(true, false, null, null);
        castCategories(unknown).put("SMOKE_SIGNALS", true);
        replace(unknown, "\"0\"").statusCode(400).body("errors[0].message", containsString("MARKETING"));

        Map<String, Object> staffOnly = document(true, false, null, null);
        castCategories(staffOnly).put("OPERATIONS", true);
        replace(staffOnly, "\"0\"").statusCode(400).body("errors[0].field", equalTo("categories.OPERATIONS"));

        replace(document(true, false, "25:00", "07:00"), "\"0\"").statusCode(400)
                .body("errors[0].field", equalTo("quietHours.start"));
        replace(document(true, false, "07:00", "07:00"), "\"0\"").statusCode(400)
                .body("errors[0].field", equalTo("quietHours.end"));
        Map<String, Object> badZone = document(true, false, "22:00", "07:00");
        badZone.put("quietHours", Map.of("start", "22:00", "end", "07:00", "timeZone", "Atlantis/Capital"));
        replace(badZone, "\"0\"").statusCode(400).body("errors[0].field", equalTo("quietHours.timeZone"));
        Map<String, Object> noScreen = document(true, false, null, null);
        noScreen.remove("screen");
        replace(noScreen, "\"0\"").statusCode(400).body("errors[0].field", equalTo("screen"));
        replace(document(true, false, null, null), null).statusCode(428)
                .body("type", equalTo("urn:garage:problem:version-required"));

        assertEquals(0, rows.count("select count(*) from notification_consent where customer_id = ?", carl.id()));
        assertEquals(0, rows.count("select count(*) from notification_settings where customer_id = ?", carl.id()));
    }

    @Test
    void theLedgerCannotBeRewritten() {
        replace(document(true, false, null, null), "\"0\"").statusCode(200);

        assertThrows(IllegalStateException.class, () -> garage.sql(
                "update notification_consent set granted = false where customer_id = ?", carl.id()));
        assertThrows(IllegalStateException.class, () -> garage.sql(
                "delete from notification_consent where customer_id = ?", carl.id()));
        assertEquals(5, rows.count("select count(*) from notification_consent where customer_id = ? and granted",
                carl.id()));
    }

    private ValidatableResponse replace(Map<String, Object> document, String ifMatch) {
        var request = given().auth().oauth2(TOKENS.of(carl)).header("X-Device-Id", "carls-pixel")
                .contentType(ContentType.JSON).body(document);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().put("/api/v1/notification-preferences").then();
    }

    private static Map<String, Object> document(boolean jobStatus, boolean marketing, String quietStart,
            String quietEnd) {
        Map<String, Object> categories = new HashMap<>(Map.of("JOB_STATUS", jobStatus, "APPROVALS", true, "CHAT", true,
                "PAYMENTS", true, "APPOINTMENT_REMINDERS", true, "MARKETING", marketing));
        Map<String, Object> document = new HashMap<>();
        document.put("categories", categories);
        if (quietStart != null) {
            document.put("quietHours", Map.of("start", quietStart, "end", quietEnd, "timeZone", "Europe/London"));
        }
        document.put("screen", "settings/notifications");
        document.put("policyVersion", "2025-06");
        return document;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castCategories(Map<String, Object> document) {
        return (Map<String, Object>) document.get("categories");
    }
}
