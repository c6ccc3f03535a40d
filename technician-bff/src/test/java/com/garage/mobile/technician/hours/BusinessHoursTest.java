package com.garage.mobile.technician.hours;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.domain.chat.ChatChannel;
import com.garage.mobile.domain.chat.ChatMessages;
import com.garage.mobile.testing.ChatDesk;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The garage's business hours and response targets: read and changed by advisors and admins, versioned. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class BusinessHoursTest {

    static final String HOURS = "/api/v1/business-hours";
    static final String TARGETS = "/api/v1/chat/response-targets";

    @Inject
    DataSource dataSource;

    @Inject
    ChatMessages messages;

    Rows rows;
    GarageFixture garage;
    Person alice;
    Person tom;

    @BeforeEach
    void garage() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        alice = garage.advisor("Alice Morgan");
        tom = garage.technician("Tom Reyes");
    }

    @Test
    void aGarageStartsWithTheStandardHoursAndChangesThemByVersion() {
        given().auth().oauth2(TOKENS.of(alice)).get(HOURS).then().statusCode(200).header("ETag", "\"0\"")
                .body("timeZone", equalTo("Europe/London"))
                .body("week.MONDAY[0].opens", equalTo("08:00")).body("week.SATURDAY[0].closes", equalTo("13:00"))
                .body("week.SUNDAY", empty()).body("holidays", empty());

        Map<String, Object> hours = Map.of("timeZone", "Europe/Dublin",
                "week", Map.of("MONDAY", List.of(Map.of("opens", "07:30", "closes", "12:00"),
                        Map.of("opens", "13:00", "closes", "17:30")), "TUESDAY", List.of(Map.of("opens", "07:30",
                        "closes", "17:30"))),
                "holidays", List.of("2026-12-25", "2026-12-26"));
        given().auth().oauth2(TOKENS.of(alice)).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(hours)
                .put(HOURS).then().statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1))
                .body("timeZone", equalTo("Europe/Dublin")).body("week.MONDAY.opens", contains("07:30", "13:00"))
                .body("week.WEDNESDAY", empty()).body("holidays", contains("2026-12-25", "2026-12-26"));
        given().auth().oauth2(TOKENS.of(alice)).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(hours)
                .put(HOURS).then().statusCode(409).contentType("application/problem+json")
                .body("current.version", equalTo(1));
        assertEquals(1L, rows.count("select count(*) from business_hours where garage_id = ?", garage.garageId));
        assertEquals(1L, rows.count("select count(*) from audit_entry where garage_id = ? and action ="
                + " 'garage.business-hours' and outcome = 'SUCCESS'", garage.garageId));
    }

    @Test
    void badHoursAreRefusedNamingTheFieldAndChangeNothing() {
        Map<String, Map<String, Object>> bad = Map.of(
                "timeZone", Map.of("timeZone", "Europe/Atlantis", "week", Map.of("MONDAY", List.of(interval("08:00",
                        "18:00")))),
                "week.MONDAY[0].closes", Map.of("timeZone", "UTC", "week", Map.of("MONDAY", List.of(interval("18:00",
                        "08:00")))),
                "week.MONDAY[1].opens", Map.of("timeZone", "UTC", "week", Map.of("MONDAY", List.of(interval("08:00",
                        "12:00"), interval("25:00", "26:00")))),
                "week.MONDAY", Map.of("timeZone", "UTC", "week", Map.of("MONDAY", List.of(interval("08:00", "12:00"),
                        interval("11:00", "13:00")))),
                "week.MOONDAY", Map.of("timeZone", "UTC", "week", Map.of("MOONDAY", List.of(interval("08:00",
                        "12:00")))),
                "week", Map.of("timeZone", "UTC", "week", Map.of("MONDAY", List.of())),
                "holidays[0]", Map.of("timeZone", "UTC", "week", Map.of("MONDAY", List.of(interval("08:00", "12:00"))),
                        "holidays", List.of("25.12.2026")));
        bad.forEach((field, body) -> given().auth().oauth2(TOKENS.of(alice)).contentType(ContentType.JSON)
                .header("If-Match", "\"0\"").body(body).put(HOURS).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo(field)));
        given().auth().oauth2(TOKENS.of(tom)).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("timeZone", "UTC", "week", Map.of("MONDAY", List.of(interval("08:00", "12:00")))))
                .put(HOURS).then().statusCode(403);
        given().auth().oauth2(TOKENS.of(tom)).get(HOURS).then().statusCode(403);
        assertEquals(0L, rows.count("select count(*) from business_hours where garage_id = ?", garage.garageId));
    }

    @Test
    void aResponseIsDueOnTheHoursInForceWhenTheCustomerWrote() {
        // open every day from 00:00 to 23:59 in UTC: whenever the test runs, the garage is open
        Map<String, Object> always = Map.of("timeZone", "UTC", "week", Map.of("MONDAY", List.of(interval("00:00",
                "23:59")), "TUESDAY", List.of(interval("00:00", "23:59")), "WEDNESDAY", List.of(interval("00:00",
                "23:59")), "THURSDAY", List.of(interval("00:00", "23:59")), "FRIDAY", List.of(interval("00:00",
                "23:59")), "SATURDAY", List.of(interval("00:00", "23:59")), "SUNDAY", List.of(interval("00:00",
                "23:59"))));
        given().auth().oauth2(TOKENS.of(alice)).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(always)
                .put(HOURS).then().statusCode(200);
        Person carl = garage.customer("Carl", "Jensen");
        UUID jobId = garage.job(carl, garage.vehicle(carl)).advisor(alice).create();
        ChatDesk desk = new ChatDesk(messages, rows);
        UUID conversation = desk.conversationOfJob(jobId);
        Instant sent = Instant.now();
        desk.send(carl, conversation, ChatChannel.CUSTOMER, "Hello?");
        Instant due = ((Timestamp) rows.one("select due_at from chat_response_clock where conversation_id = ?",
                conversation).get("due_at")).toInstant();
        // four hours of open time, at most a minute's closing before midnight in between
        Duration wait = Duration.between(sent, due);
        assertEquals(true, wait.compareTo(Duration.ofHours(4)) >= 0 && wait.compareTo(Duration.ofMinutes(242)) <= 0,
                "due " + wait + " after the message");
    }

    @Test
    void responseTargetsHaveDefaultsAndAreChangedByVersion() {
        given().auth().oauth2(TOKENS.of(alice)).get(TARGETS).then().statusCode(200).header("ETag", "\"0\"")
                .body("urgent.firstResponseMinutes", equalTo(15)).body("urgent.nextResponseMinutes", equalTo(30))
                .body("high.firstResponseMinutes", equalTo(60)).body("normal.nextResponseMinutes", equalTo(480))
                .body("warnBeforePercent", equalTo(20));
        Map<String, Object> targets = Map.of("urgent", Map.of("firstResponseMinutes", 10, "nextResponseMinutes", 20),
                "high", Map.of("firstResponseMinutes", 30, "nextResponseMinutes", 60),
                "normal", Map.of("firstResponseMinutes", 120, "nextResponseMinutes", 240), "warnBeforePercent", 25);
        given().auth().oauth2(TOKENS.of(alice)).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(targets).put(TARGETS).then().statusCode(200).body("urgent.firstResponseMinutes", equalTo(10))
                .body("version", equalTo(1));
        Map<String, Object> tooEager = Map.of("urgent", Map.of("firstResponseMinutes", 0, "nextResponseMinutes", 20),
                "high", Map.of("firstResponseMinutes", 30, "nextResponseMinutes", 60),
                "normal", Map.of("firstResponseMinutes", 120, "nextResponseMinutes", 240), "warnBeforePercent", 25);
        given().auth().oauth2(TOKENS.of(alice)).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(tooEager).put(TARGETS).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("urgent.firstResponseMinutes"));
        given().auth().oauth2(TOKENS.of(alice)).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(targets).put(TARGETS).then().statusCode(409);
        assertEquals(10L, rows.count("select urgent_first_minutes from chat_response_targets where garage_id = ?",
                garage.garageId));
        given().auth().oauth2(TOKENS.of(tom)).get(TARGETS).then().statusCode(403);
    }

    private static Map<String, String> interval(String opens, String closes) {
        return Map.of("opens", opens, "closes", closes);
    }
}
