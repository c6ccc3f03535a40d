package com.garage.mobile.technician.releases;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;

import com.garage.mobile.domain.releases.RolloutBucket;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntPredicate;

/**
 * What the release tests share: a clean slate (releases are global, so each test starts without
 * another's), an admin's calls with a strong sign-in, the app's calls with its build, and people
 * picked by where they fall in a release's rollout.
 */
final class ReleaseDesk {

    static final String RELEASES = "/api/v1/admin/releases";

    private final Rows rows;
    private final Person admin;
    private final GarageClock clock;

    /** The admin's strong sign-in is recent by the clock the BFF runs on, which a test may have moved. */
    ReleaseDesk(Rows rows, Person admin, GarageClock clock) {
        this.rows = rows;
        this.admin = admin;
        this.clock = clock;
    }

    /** Removes every release record, so that a test sees only its own. */
    static void clear(GarageFixture garage) {
        for (String table : new String[] {"release_alert", "crash_event", "crash_issue", "app_session",
                "release_rollout", "app_release", "kill_switch", "app_minimum_version", "release_ring_member"}) {
            garage.sql("delete from " + table);
        }
    }

    ValidatableResponse asAdmin(String method, String path, Map<String, ?> body, Object... pathValues) {
        var request = given().auth().oauth2(TOKENS.builder(admin).steppedUp()
                .authTime(clock.now().minusSeconds(5)).sign());
        if (body != null) {
            request.contentType(ContentType.JSON).body(body);
        }
        return request.when().request(method, path, pathValues).then();
    }

    UUID register(String app, String platform, String version) {
        return UUID.fromString(asAdmin("POST", RELEASES, Map.of("app", app, "platform", platform, "version", version,
                "build", "2041", "storeStatus", "AVAILABLE", "notes", "Faster job board", "minimumOs", "16.0"))
                .statusCode(201).extract().path("id"));
    }

    void roll(UUID release, String ring, Integer percentBp) {
        asAdmin("POST", RELEASES + "/{id}/rollouts", percentBp == null ? Map.of("ring", ring)
                : Map.of("ring", ring, "percentBp", percentBp), release).statusCode(200);
    }

    static ValidatableResponse appConfig(Person person, String platform, String version) {
        return given().auth().oauth2(TOKENS.of(person)).header("X-App-Platform", platform)
                .header("X-App-Version", version).when().get("/api/v1/app-config").then().statusCode(200);
    }

    /** A new technician whose bucket in the release's rollout satisfies the test. */
    static Person technicianIn(GarageFixture garage, UUID release, IntPredicate bucket) {
        for (int i = 0; i < 500; i++) {
            Person candidate = garage.technician("Tech " + i);
            if (bucket.test(RolloutBucket.of(release, candidate.id()))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no technician fell in the wanted bucket");
    }

    /** Sessions of the release in a ring, written as apps would have reported them. */
    void sessions(GarageFixture garage, String app, String platform, String version, String ring, int count,
            int crashed, Instant at) {
        garage.sql("insert into app_session (id, garage_id, person_id, app, platform, app_version, ring, started_at,"
                + " ended_at, crashed) select gen_random_uuid(), ?, gen_random_uuid(), ?, ?, ?, ?, ?, ?, g <= ?"
                + " from generate_series(1, ?) g", garage.garageId, app, platform, version, ring, Timestamp.from(at),
                Timestamp.from(at), crashed, count);
    }

    long count(String sql, Object... params) {
        return rows.count(sql, params);
    }
}
