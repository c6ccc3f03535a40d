package com.garage.mobile.technician.analytics;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.garage.mobile.technician.notifications.PushFixture;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ExperimentsTest {

    @Inject
    DataSource dataSource;

    GarageFixture garage;
    Person admin;
    Person tom;
    Rows rows;

    @BeforeEach
    void garage() {
        garage = GarageFixture.create(dataSource);
        admin = garage.admin("Ada Admin");
        tom = garage.technician("Tom Reyes");
        rows = new Rows(dataSource);
    }

    @Test
    void anExperimentAssignsTheSameVariantEveryTimeAndLogsOneExposure() {
        String id = start(Map.of("key", "board-layout", "kind", "EXPERIMENT", "unit", "USER",
                "variants", List.of(Map.of("name", "control", "weight", 50), Map.of("name", "compact", "weight", 50)),
                "exposurePercent", 100, "goalEvent", "job.clocked-on"));

        String variant = config(tom, "2.0.0").statusCode(200).extract().path("experiments.board-layout");
        assertNotNull(variant);
        config(tom, "2.0.0").statusCode(200).body("experiments.board-layout", equalTo(variant));
        assertEquals(1, rows.count("select count(*) from experiment_exposure where experiment_id = ?::uuid", id));
        assertEquals(variant, rows.one("select variant from experiment_exposure where experiment_id = ?::uuid", id)
                .get("variant"));
        assertEquals("SUCCESS", rows.one("select outcome from audit_entry where garage_id = ? and action ="
                + " 'experiment.start'", garage.garageId).get("outcome"));
    }

    @Test
    void targetingLeavesOutOtherBuildsAndStoppingShipsOneVariantToEveryone() {
        String id = start(Map.of("key", "new-clock", "kind", "FLAG", "unit", "GARAGE",
                "variants", List.of(Map.of("name", "on", "weight", 100)),
                "targeting", Map.of("platforms", List.of("android"), "minVersion", "3.0"),
                "exposurePercent", 100));
        config(tom, "2.9").statusCode(200).body("flags", not(hasKey("new-clock")));
        config(tom, "3.1").statusCode(200).body("flags.new-clock", equalTo(true));

        given().auth().oauth2(TOKENS.of(admin)).contentType(ContentType.JSON)
                .body(Map.of("variant", "on", "baseVersion", 0))
                .when().post("/api/v1/admin/experiments/" + id + "/stop").then().statusCode(200)
                .body("status", equalTo("STOPPED")).body("version", equalTo(1));
        config(tom, "2.9").statusCode(200).body("flags.new-clock", equalTo(true));
        given().auth().oauth2(TOKENS.of(admin)).contentType(ContentType.JSON)
                .body(Map.of("exposurePercent", 50, "baseVersion", 1))
                .when().post("/api/v1/admin/experiments/" + id + "/ramp").then().statusCode(409)
                .body("type", equalTo("urn:garage:problem:invalid-transition"));
    }

    @Test
    void aStaleRampGetsTheCurrentExperimentAndChangesNothing() {
        String id = start(Map.of("key", "ramp-me", "kind", "EXPERIMENT", "unit", "DEVICE",
                "variants", List.of(Map.of("name", "a", "weight", 50), Map.of("name", "b", "weight", 50)),
                "exposurePercent", 10));
        given().auth().oauth2(TOKENS.of(admin)).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("exposurePercent", 40)).when().post("/api/v1/admin/experiments/" + id + "/ramp")
                .then().statusCode(200).body("exposurePercent", equalTo(40));
        given().auth().oauth2(TOKENS.of(admin)).contentType(ContentType.JSON)
                .body(Map.of("exposurePercent", 90, "baseVersion", 0))
                .when().post("/api/v1/admin/experiments/" + id + "/ramp").then().statusCode(409)
                .body("current.exposurePercent", equalTo(40));
        assertEquals(40, rows.one("select exposure_percent from experiment where id = ?::uuid", id).get("exposure_percent"));
    }

    @Test
    void aSkewedSplitRaisesTheSampleRatioAlarmOnce() {
        PushFixture push = new PushFixture(garage);
        push.consent(admin, "OPERATIONS", true);
        UUID adminsPhone = push.android(admin, PushFixture.fcmToken());
        Person other = garage.admin("Otto Otherwise");
        UUID othersPhone = push.android(other, PushFixture.fcmToken());
        String id = start(Map.of("key", "skewed", "kind", "EXPERIMENT", "unit", "USER",
                "variants", List.of(Map.of("name", "control", "weight", 50), Map.of("name", "treatment", "weight", 50)),
                "exposurePercent", 100, "goalEvent", "estimate.approved"));
        // a client that drops half the treatment's exposures: 600 against 400
        garage.sql("insert into experiment_exposure (experiment_id, unit_key, variant, user_key, garage_id, exposed_at)"
                + " select ?, 'u' || n, case when n <= 600 then 'control' else 'treatment' end, 'u' || n, ?, now()"
                + " from generate_series(1, 1000) n", UUID.fromString(id), garage.garageId);

        given().auth().oauth2(TOKENS.of(admin)).when().get("/api/v1/admin/experiments/" + id + "/results")
                .then().statusCode(200)
                .body("srmAlarm", equalTo(true))
                .body("variants[0].exposed", equalTo(600))
                .body("variants[1].exposed", equalTo(400))
                .body("variants[0].interval.low", notNullValue());
        given().auth().oauth2(TOKENS.of(admin)).when().get("/api/v1/admin/experiments/" + id + "/results")
                .then().statusCode(200).body("srmAlarm", equalTo(true));
        given().auth().oauth2(TOKENS.of(admin)).when().get("/api/v1/admin/experiments")
                .then().statusCode(200).body("find { it.key == 'skewed' }.srmAlarmAt", notNullValue());
        assertEquals(1, rows.count("select count(*) from audit_entry where garage_id = ? and action ="
                + " 'experiment.srm-alarm'", garage.garageId));
        // The admins are told by push, once, on the devices of those who consented to operations alarms.
        assertEquals(1, alarmsTo(adminsPhone, id));
        assertEquals(0, alarmsTo(othersPhone, id));
    }

    private long alarmsTo(UUID device, String experimentId) {
        return rows.count("select count(*) from outbound_work where kind = 'notification' and payload->>'deviceId' = ?"
                + " and payload->>'category' = 'OPERATIONS' and payload->'data'->>'experimentId' = ?", device.toString(),
                experimentId);
    }

    @Test
    void aBadDraftIsRefusedFieldByFieldAndNothingStarts() {
        given().auth().oauth2(TOKENS.of(admin)).contentType(ContentType.JSON)
                .body(Map.of("key", "blue-flag", "kind", "FLAG", "unit", "USER",
                        "variants", List.of(Map.of("name", "blue", "weight", 60)), "exposurePercent", 120,
                        "goalEvent", "no.such-event"))
                .when().post("/api/v1/admin/experiments").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("variants", "exposurePercent", "goalEvent"));
        given().auth().oauth2(TOKENS.of(admin)).contentType(ContentType.JSON)
                .body(Map.of("key", "Bad Key", "kind", "FLAG", "unit", "USER",
                        "variants", List.of(Map.of("name", "on", "weight", 100)), "exposurePercent", 10))
                .when().post("/api/v1/admin/experiments").then().statusCode(400)
                .contentType("application/problem+json");
        assertEquals(0, rows.count("select count(*) from experiment where garage_id = ?", garage.garageId));
    }

    @Test
    void anotherGaragesAdminCannotSeeOrChangeTheExperiment() {
        String id = start(Map.of("key", "private", "kind", "EXPERIMENT", "unit", "USER",
                "variants", List.of(Map.of("name", "a", "weight", 100)), "exposurePercent", 100));
        Person stranger = GarageFixture.create(dataSource).admin("Other Admin");
        given().auth().oauth2(TOKENS.of(stranger)).when().get("/api/v1/admin/experiments/" + id + "/results")
                .then().statusCode(404);
        given().auth().oauth2(TOKENS.of(stranger)).contentType(ContentType.JSON)
                .body(Map.of("variant", "a", "baseVersion", 0))
                .when().post("/api/v1/admin/experiments/" + id + "/stop").then().statusCode(404);
        given().auth().oauth2(TOKENS.of(tom)).when().get("/api/v1/admin/experiments").then().statusCode(403);
        assertEquals("RUNNING", rows.one("select status from experiment where id = ?::uuid", id).get("status"));
        config(tom, "1.0").statusCode(200).body("experiments.private", equalTo("a"));
        Person strangerTech = GarageFixture.create(dataSource).technician("Other Tech");
        config(strangerTech, "1.0").statusCode(200).body("experiments", not(hasKey("private")))
                .body("experiments.private", nullValue());
    }

    private String start(Map<String, Object> draft) {
        return given().auth().oauth2(TOKENS.of(admin)).contentType(ContentType.JSON).body(draft)
                .when().post("/api/v1/admin/experiments").then().statusCode(201)
                .extract().path("id");
    }

    private ValidatableResponse config(Person person, String version) {
        return given().auth().oauth2(TOKENS.of(person)).header("X-App-Platform", "android")
                .header("X-App-Version", version).header("X-Device-Id", "device-" + person.id())
                .when().get("/api/v1/app-config").then();
    }
}
