package com.garage.mobile.technician.releases;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static com.garage.mobile.technician.releases.ReleaseDesk.RELEASES;
import static com.garage.mobile.technician.releases.ReleaseDesk.appConfig;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.domain.time.GarageClock;
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

/** A release in three rings: who is offered it when, and halts and resumes that keep the same people in. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ReleaseRolloutTest {

    static final Instant MONDAY = Instant.parse("2026-12-07T09:00:00Z");
    /** Past the start of a day's step: the rollout started a moment after MONDAY, as the clock ticks on. */
    static final Duration AN_HOUR = Duration.ofHours(1);

    @Inject
    DataSource dataSource;

    Rows rows;
    MovableClock clock;
    GarageFixture garage;
    Person ada;
    ReleaseDesk desk;

    @BeforeEach
    void garageWithAnAdmin() {
        clock = new MovableClock();
        clock.moveTo(MONDAY);
        QuarkusMock.installMockForType(clock, GarageClock.class);
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        ReleaseDesk.clear(garage);
        ada = garage.admin("Ada Brennan");
        desk = new ReleaseDesk(rows, ada, clock);
    }

    @AfterEach
    void noReleasesLeft() {
        ReleaseDesk.clear(garage);
    }

    @Test
    void internalAndBetaPeopleAreOfferedTheReleaseAndProductionWaitsForItsStep() {
        UUID release = desk.register("STAFF", "IOS", "3.4.0");
        desk.roll(release, "INTERNAL", 10_000);
        desk.roll(release, "BETA", 10_000);
        desk.roll(release, "PRODUCTION", null);
        Person tom = garage.technician("Tom Reyes");
        desk.asAdmin("PUT", "/api/v1/admin/release-rings", Map.of("personId", tom.id(), "app", "STAFF",
                "ring", "INTERNAL")).statusCode(200).body("ring", equalTo("INTERNAL"));
        Person tina = ReleaseDesk.technicianIn(garage, release, bucket -> bucket >= 100);
        given().auth().oauth2(TOKENS.of(tina)).contentType(ContentType.JSON).body(Map.of("joined", true))
                .put("/api/v1/releases/beta").then().statusCode(200).body("ring", equalTo("BETA"));
        Person paul = ReleaseDesk.technicianIn(garage, release, bucket -> bucket >= 100);

        appConfig(tom, "ios", "3.3.0").body("ring", equalTo("INTERNAL")).body("update.available", equalTo(true))
                .body("update.version", equalTo("3.4.0")).body("update.build", equalTo("2041"));
        appConfig(tina, "ios", "3.3.0").body("ring", equalTo("BETA")).body("update.available", equalTo(true));
        appConfig(paul, "ios", "3.3.0").body("ring", equalTo("PRODUCTION")).body("update.available", equalTo(false));
        appConfig(tom, "android", "3.3.0").body("update.available", equalTo(false));
        appConfig(tom, "ios", "3.4.0").body("update.available", equalTo(false));

        clock.moveTo(MONDAY.plus(Duration.ofDays(6)).plus(AN_HOUR));
        appConfig(paul, "ios", "3.3.0").body("update.available", equalTo(true));
        desk.asAdmin("GET", RELEASES, null).statusCode(200)
                .body("items[0].rollouts.find { it.ring == 'PRODUCTION' }.percentBp", equalTo(10_000))
                .body("items[0].rollouts.find { it.ring == 'PRODUCTION' }.step", equalTo(7));
        assertEquals(1, rows.count("select count(*) from audit_entry where garage_id = ? and action = 'release.register'"
                + " and actor_subject = ?", garage.garageId, ada.subject()));
        assertEquals(3, rows.count("select count(*) from audit_entry where garage_id = ? and action = 'release.rollout'",
                garage.garageId));
    }

    @Test
    void aHaltKeepsThoseInAndOffersNoOneElseUntilAPersonResumes() {
        UUID release = desk.register("STAFF", "ANDROID", "3.5.0");
        desk.roll(release, "PRODUCTION", null);
        Person early = ReleaseDesk.technicianIn(garage, release, bucket -> bucket < 1000);
        Person later = ReleaseDesk.technicianIn(garage, release, bucket -> bucket >= 1000 && bucket < 2000);

        clock.moveTo(MONDAY.plus(Duration.ofDays(3)).plus(AN_HOUR));
        appConfig(early, "android", "3.4.0").body("update.available", equalTo(true));
        appConfig(later, "android", "3.4.0").body("update.available", equalTo(false));
        desk.asAdmin("POST", RELEASES + "/{id}/rollouts/halt", Map.of("ring", "PRODUCTION",
                "reason", "Sync loops on old tablets"), release).statusCode(200)
                .body("halted", equalTo(true)).body("percentBp", equalTo(1000))
                .body("haltReason", equalTo("Sync loops on old tablets")).body("haltedBy", equalTo(ada.subject()));

        clock.moveTo(MONDAY.plus(Duration.ofDays(9)).plus(AN_HOUR));
        appConfig(early, "android", "3.4.0").body("update.available", equalTo(true));
        appConfig(later, "android", "3.4.0").body("update.available", equalTo(false));

        desk.asAdmin("POST", RELEASES + "/{id}/rollouts/resume", Map.of("ring", "PRODUCTION"), release).statusCode(200)
                .body("halted", equalTo(false)).body("percentBp", equalTo(1000));
        clock.moveTo(MONDAY.plus(Duration.ofDays(10)).plus(AN_HOUR));
        appConfig(later, "android", "3.4.0").body("update.available", equalTo(true));
        assertEquals(1, rows.count("select count(*) from audit_entry where garage_id = ? and action = 'release.resume'"
                + " and actor_subject = ?", garage.garageId, ada.subject()));
        desk.asAdmin("POST", RELEASES + "/{id}/rollouts/resume", Map.of("ring", "PRODUCTION"), release).statusCode(409)
                .body("type", equalTo("urn:garage:problem:invalid-transition"));
    }

    @Test
    void aManualRolloutOnlyGoesUpAndAWithdrawnReleaseIsOfferedToNoOne() {
        UUID release = desk.register("STAFF", "WEB", "3.6.0");
        desk.roll(release, "PRODUCTION", 2000);
        Person in = ReleaseDesk.technicianIn(garage, release, bucket -> bucket < 2000);
        desk.asAdmin("POST", RELEASES + "/{id}/rollouts", Map.of("ring", "PRODUCTION", "percentBp", 1000), release)
                .statusCode(409).body("type", equalTo("urn:garage:problem:invalid-transition"));
        assertEquals(2000, rows.one("select manual_percent_bp from release_rollout where release_id = ?", release)
                .get("manual_percent_bp"));
        appConfig(in, "web", "3.5.0").body("update.available", equalTo(true));

        desk.asAdmin("PUT", RELEASES + "/{id}/store-status", Map.of("storeStatus", "WITHDRAWN", "baseVersion", 0), release)
                .statusCode(200).body("storeStatus", equalTo("WITHDRAWN")).body("versionNo", equalTo(1));
        appConfig(in, "web", "3.5.0").body("update.available", equalTo(false));
        desk.asAdmin("PUT", RELEASES + "/{id}/store-status", Map.of("storeStatus", "AVAILABLE", "baseVersion", 0), release)
                .statusCode(409);
    }

    @Test
    void aBadOrDuplicateReleaseIsRefusedAndNothingIsStored() {
        desk.asAdmin("POST", RELEASES, Map.of("app", "STAFF", "platform", "IOS", "version", "latest", "build", "1",
                "storeStatus", "AVAILABLE")).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("version"));
        assertEquals(0, rows.count("select count(*) from app_release"));

        desk.register("STAFF", "IOS", "3.4.0");
        desk.asAdmin("POST", RELEASES, Map.of("app", "STAFF", "platform", "IOS", "version", "3.4.0", "build", "2042",
                "storeStatus", "AVAILABLE")).statusCode(409).body("type", equalTo("urn:garage:problem:release-exists"));
        assertEquals(1, rows.count("select count(*) from app_release"));
        assertEquals(1, rows.count("select count(*) from audit_entry where garage_id = ? and action = 'release.register'"
                + " and outcome = 'REFUSED'", garage.garageId));
    }

    @Test
    void onlyAdminsWithARecentStrongSignInManageReleases() {
        Person tom = garage.technician("Tom Reyes");
        Map<String, Object> body = Map.of("app", "STAFF", "platform", "IOS", "version", "3.4.0", "build", "1",
                "storeStatus", "AVAILABLE");
        given().auth().oauth2(TOKENS.of(tom)).contentType(ContentType.JSON).body(body).post(RELEASES).then()
                .statusCode(403);
        given().auth().oauth2(TOKENS.of(ada)).contentType(ContentType.JSON).body(body).post(RELEASES).then()
                .statusCode(401).body("type", equalTo("urn:garage:problem:step-up-required"));
        assertEquals(0, rows.count("select count(*) from app_release"));
    }

    @Test
    void anAdminPlacesOnlyPeopleOfTheirOwnGarageAndAPersonLeavesTheBetaThemselves() {
        GarageFixture other = GarageFixture.create(dataSource);
        Person stranger = other.technician("Otto Other");
        desk.asAdmin("PUT", "/api/v1/admin/release-rings", Map.of("personId", stranger.id(), "app", "STAFF",
                "ring", "BETA")).statusCode(404);
        assertEquals(0, rows.count("select count(*) from release_ring_member where person_id = ?", stranger.id()));

        Person tina = garage.technician("Tina Kowalski");
        given().auth().oauth2(TOKENS.of(tina)).contentType(ContentType.JSON).body(Map.of("joined", true))
                .put("/api/v1/releases/beta").then().statusCode(200).body("ring", equalTo("BETA"));
        given().auth().oauth2(TOKENS.of(tina)).contentType(ContentType.JSON).body(Map.of("joined", false))
                .put("/api/v1/releases/beta").then().statusCode(200).body("ring", equalTo("PRODUCTION"));
        assertEquals(0, rows.count("select count(*) from release_ring_member where person_id = ?", tina.id()));
        assertEquals(2, rows.count("select count(*) from audit_entry where garage_id = ? and actor_subject = ?"
                + " and action like 'release-ring.%'", garage.garageId, tina.subject()));
    }
}
