package com.garage.mobile.technician.releases;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static com.garage.mobile.technician.releases.ReleaseDesk.RELEASES;
import static com.garage.mobile.technician.releases.ReleaseDesk.appConfig;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.releases.RolloutSchedule;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.releases.RolloutWatch;
import com.garage.mobile.technician.notifications.PushFixture;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.MovableClock;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The automatic halt, day by day on the injected clock with generated sessions and crashes: a
 * healthy release goes through every step, a bad one halts at the step where its budget broke and
 * stays there, a small sample never halts. Budget: 99.5 % crash-free over at least 500 sessions.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class AutomaticHaltTest {

    static final Instant MONDAY = Instant.parse("2026-12-07T09:00:00Z");

    @Inject
    DataSource dataSource;

    @Inject
    RolloutWatch watch;

    Rows rows;
    MovableClock clock;
    GarageFixture garage;
    Person ada;
    ReleaseDesk desk;
    UUID release;

    @BeforeEach
    void releaseOnTheAppStoreSchedule() {
        clock = new MovableClock();
        clock.moveTo(MONDAY);
        QuarkusMock.installMockForType(clock, GarageClock.class);
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        ReleaseDesk.clear(garage);
        ada = garage.admin("Ada Brennan");
        desk = new ReleaseDesk(rows, ada, clock);
        release = desk.register("STAFF", "ANDROID", "4.0.0");
        desk.roll(release, "PRODUCTION", null);
    }

    @AfterEach
    void noReleasesLeft() {
        ReleaseDesk.clear(garage);
    }

    @Test
    void aHealthyReleaseAdvancesThroughEveryStep() {
        for (int day = 0; day < 7; day++) {
            Instant at = MONDAY.plus(Duration.ofDays(day)).plus(Duration.ofHours(2));
            clock.moveTo(at);
            // 200 sessions a day, one crash a day: 99.5 % crash-free or better throughout
            desk.sessions(garage, "STAFF", "ANDROID", "4.0.0", "PRODUCTION", 200, 1, at);
            assertTrue(watch.evaluateOnce().await().indefinitely().isEmpty(), "halted on day " + day);
            rollout().body("halted", equalTo(false))
                    .body("percentBp", equalTo(RolloutSchedule.APP_STORE_STEPS.get(day)));
        }
        assertEquals(0, rows.count("select count(*) from release_alert where kind = 'ROLLOUT_HALTED'"));
    }

    @Test
    void aBadReleaseHaltsAtTheStepWhereItsBudgetBrokeAndAdminsAreToldWhy() {
        PushFixture push = new PushFixture(garage);
        push.consent(ada, "OPERATIONS", true);
        UUID adasPhone = push.android(ada, PushFixture.fcmToken());
        GarageFixture elsewhere = GarageFixture.create(dataSource);
        Person otherAdmin = elsewhere.admin("Olga Other");
        PushFixture otherPush = new PushFixture(elsewhere);
        otherPush.consent(otherAdmin, "OPERATIONS", true);
        UUID othersPhone = otherPush.android(otherAdmin, PushFixture.fcmToken());
        clock.moveTo(MONDAY.plus(Duration.ofHours(5)));
        desk.sessions(garage, "STAFF", "ANDROID", "4.0.0", "PRODUCTION", 300, 0, clock.now());
        watch.evaluateOnce().await().indefinitely();
        clock.moveTo(MONDAY.plus(Duration.ofDays(1)).plus(Duration.ofHours(5)));
        desk.sessions(garage, "STAFF", "ANDROID", "4.0.0", "PRODUCTION", 290, 0, clock.now());
        watch.evaluateOnce().await().indefinitely();
        rollout().body("halted", equalTo(false)).body("percentBp", equalTo(200));

        // day 3 (5 %): ten people's sessions crash, reported by the app: 10 of 600 is 98.33 % crash-free
        clock.moveTo(MONDAY.plus(Duration.ofDays(2)).plus(Duration.ofHours(5)));
        for (int i = 0; i < 10; i++) {
            crashingSession(garage.technician("Tech " + i));
        }
        assertEquals(1, watch.evaluateOnce().await().indefinitely().size());

        rollout().body("halted", equalTo(true)).body("percentBp", equalTo(500))
                .body("haltedBy", equalTo("system"))
                .body("haltReason", containsString("crash-free sessions 98.33 % below the budget of 99.50 %"))
                .body("haltReason", containsString("10 of 600 sessions crashed"));
        desk.asAdmin("GET", "/api/v1/admin/release-alerts", null).statusCode(200)
                .body("items.find { it.kind == 'ROLLOUT_HALTED' }.figures.sessions", equalTo(600))
                .body("items.find { it.kind == 'ROLLOUT_HALTED' }.figures.crashedSessions", equalTo(10))
                .body("items.find { it.kind == 'ROLLOUT_HALTED' }.figures.percentBp", equalTo(500))
                .body("items.find { it.kind == 'ROLLOUT_HALTED' }.ring", equalTo("PRODUCTION"));
        assertEquals(1, rows.count("select count(*) from audit_entry where garage_id = ? and action = 'release.halt'"
                + " and actor_subject = 'system' and channel = 'scheduler'", garage.garageId));
        // The admins of the garage that registered the release hear of it by push; another garage's do not.
        assertEquals(1, haltPushesTo(adasPhone));
        assertEquals(0, haltPushesTo(othersPhone));

        // days later it is still at 5 %, and someone past 5 % is not offered it
        clock.moveTo(MONDAY.plus(Duration.ofDays(6)));
        assertTrue(watch.evaluateOnce().await().indefinitely().isEmpty(), "a halted rollout halts once");
        rollout().body("percentBp", equalTo(500));
        Person later = ReleaseDesk.technicianIn(garage, release, bucket -> bucket >= 500);
        appConfig(later, "android", "3.9.0").body("update.available", equalTo(false));
        assertEquals(1, rows.count("select count(*) from release_alert where kind = 'ROLLOUT_HALTED'"));
        assertEquals(1, haltPushesTo(adasPhone));

        desk.asAdmin("POST", RELEASES + "/{id}/rollouts/resume", Map.of("ring", "PRODUCTION"), release).statusCode(200);
        assertEquals(1, rows.count("select count(*) from audit_entry where garage_id = ? and action = 'release.resume'"
                + " and actor_subject = ?", garage.garageId, ada.subject()));
    }

    private long haltPushesTo(UUID device) {
        return rows.count("select count(*) from outbound_work where kind = 'notification' and payload->>'deviceId' = ?"
                + " and payload->>'category' = 'OPERATIONS' and payload->'data'->>'kind' = 'ROLLOUT_HALTED'"
                + " and payload->'data'->>'releaseId' = ?", device.toString(), release.toString());
    }

    @Test
    void aSmallSampleNeverHaltsARollout() {
        clock.moveTo(MONDAY.plus(Duration.ofHours(3)));
        desk.sessions(garage, "STAFF", "ANDROID", "4.0.0", "PRODUCTION", 499, 250, clock.now());
        assertTrue(watch.evaluateOnce().await().indefinitely().isEmpty());
        rollout().body("halted", equalTo(false));
        desk.asAdmin("GET", RELEASES + "/{id}/health", null, release).statusCode(200)
                .body("rings[0].sessions", equalTo(499)).body("rings[0].crashedSessions", equalTo(250))
                .body("rings[0].crashFreeSessionsBp", equalTo(4989));
    }

    /** A session the app starts and reports, then a crash the app reports in it. */
    private void crashingSession(Person person) {
        UUID session = UUID.randomUUID();
        given().auth().oauth2(TOKENS.of(person)).header("X-App-Platform", "android").header("X-App-Version", "4.0.0")
                .contentType(ContentType.JSON).body(Map.of("sessionId", session, "event", "START"))
                .post("/api/v1/releases/sessions").then().statusCode(204);
        given().auth().oauth2(TOKENS.of(person)).header("X-App-Platform", "android").header("X-App-Version", "4.0.0")
                .contentType(ContentType.JSON).body(Map.of("sessionId", session, "build", "4000",
                        "deviceModel", "Pixel 8", "osVersion", "15", "exceptionType", "java.lang.IllegalStateException",
                        "stack", "java.lang.IllegalStateException\n\tat com.garage.tech.Sync.loop(Sync.java:88)"))
                .post("/api/v1/releases/crash-reports").then().statusCode(201);
    }

    private io.restassured.response.ValidatableResponse rollout() {
        return desk.asAdmin("GET", RELEASES, null).statusCode(200).rootPath("items[0].rollouts[0]");
    }
}
