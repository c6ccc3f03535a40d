package com.garage.mobile.technician.analytics;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class SessionHealthTest {

    static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");

    @Inject
    DataSource dataSource;

    GarageFixture garage;
    Person admin;

    @BeforeEach
    void garage() {
        garage = GarageFixture.create(dataSource);
        admin = garage.admin("Ada Admin");
    }

    @Test
    void sessionsAndCrashesArePerWeekAndBuildOfTheGaragesApps() {
        UUID carl = UUID.randomUUID();
        UUID cora = UUID.randomUUID();
        session(garage, carl, "3.4.0", MONDAY, Duration.ofMinutes(10), false);
        session(garage, carl, "3.4.0", MONDAY.plus(Duration.ofDays(2)), Duration.ofMinutes(20), true);
        session(garage, cora, "3.4.0", MONDAY.plus(Duration.ofDays(6)), Duration.ofMinutes(30), false);
        session(garage, cora, "3.3.0", MONDAY.plus(Duration.ofDays(1)), null, false);
        session(garage, carl, "3.4.0", MONDAY.plus(Duration.ofDays(7)), Duration.ofMinutes(5), false);
        session(GarageFixture.create(dataSource), carl, "3.4.0", MONDAY, Duration.ofMinutes(1), true);

        given().auth().oauth2(TOKENS.of(admin)).queryParam("from", "2026-11-23").queryParam("to", "2026-12-07")
                .when().get("/api/v1/admin/analytics/sessions").then().statusCode(200)
                .body("from", equalTo("2026-11-23"))
                .body("rows", hasSize(3))
                .body("rows.week", contains("2026-11-30", "2026-11-23", "2026-11-23"))
                .body("rows.appVersion", contains("3.4.0", "3.4.0", "3.3.0"))
                .body("rows[1].app", equalTo("CUSTOMER"))
                .body("rows[1].platform", equalTo("IOS"))
                .body("rows[1].sessions", equalTo(3))
                .body("rows[1].crashedSessions", equalTo(1))
                .body("rows[1].crashFreeSessionsBp", equalTo(6666))
                .body("rows[1].users", equalTo(2))
                .body("rows[1].crashedUsers", equalTo(1))
                .body("rows[1].crashFreeUsersBp", equalTo(5000))
                .body("rows[1].medianMinutes", equalTo(20.0f))
                .body("rows[2].sessions", equalTo(1))
                .body("rows[2].crashFreeSessionsBp", equalTo(10000))
                .body("rows[2].medianMinutes", nullValue());
    }

    @Test
    void aSessionTheAppReportsCountsForItsBuild() {
        Person tom = garage.technician("Tom Reyes");
        UUID session = UUID.randomUUID();
        for (String event : new String[] {"START", "END"}) {
            given().auth().oauth2(TOKENS.of(tom)).header("X-App-Platform", "web").header("X-App-Version", "1.2.0")
                    .contentType(ContentType.JSON).body(Map.of("sessionId", session, "event", event))
                    .post("/api/v1/releases/sessions").then().statusCode(204);
        }
        given().auth().oauth2(TOKENS.of(admin)).when().get("/api/v1/admin/analytics/sessions").then().statusCode(200)
                .body("rows", hasSize(1))
                .body("rows[0].app", equalTo("STAFF"))
                .body("rows[0].platform", equalTo("WEB"))
                .body("rows[0].appVersion", equalTo("1.2.0"))
                .body("rows[0].sessions", equalTo(1))
                .body("rows[0].users", equalTo(1));
    }

    @Test
    void onlyAdminsReadSessionHealthAndABadPeriodIsRefused() {
        given().auth().oauth2(TOKENS.of(garage.advisor("Alice Morgan"))).when().get("/api/v1/admin/analytics/sessions")
                .then().statusCode(403);
        given().auth().oauth2(TOKENS.of(admin)).queryParam("from", "2026-12-01").queryParam("to", "2026-11-01")
                .when().get("/api/v1/admin/analytics/sessions")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("to"));
        given().auth().oauth2(TOKENS.of(admin)).queryParam("from", "yesterday")
                .when().get("/api/v1/admin/analytics/sessions")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
    }

    private static void session(GarageFixture garage, UUID person, String version, Instant started, Duration length,
            boolean crashed) {
        garage.sql("insert into app_session (id, garage_id, person_id, app, platform, app_version, ring, started_at,"
                + " ended_at, crashed) values (?, ?, ?, 'CUSTOMER', 'IOS', ?, 'PRODUCTION', ?, ?, ?)", UUID.randomUUID(),
                garage.garageId, person, version, Timestamp.from(started),
                length == null ? null : Timestamp.from(started.plus(length)), crashed);
    }
}
