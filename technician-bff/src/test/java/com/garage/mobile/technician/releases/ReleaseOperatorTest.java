package com.garage.mobile.technician.releases;

import static com.garage.mobile.technician.releases.ReleaseDesk.RELEASES;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With an operator garage configured, only its admins change what every garage's apps get; another
 * garage's admin is refused (403, nothing changed) but keeps the kill switches of their own garage.
 */
@QuarkusTest
@TestProfile(OperatorGarage.class)
@WithTestResource(OidcWiremockTestResource.class)
class ReleaseOperatorTest {

    @Inject
    DataSource dataSource;

    Rows rows;
    GarageFixture operator;
    GarageFixture shop;
    ReleaseDesk operatorDesk;
    ReleaseDesk shopDesk;
    UUID release;

    @BeforeEach
    void aReleaseOfTheOperator() {
        rows = new Rows(dataSource);
        operator = GarageFixture.withId(dataSource, OperatorGarage.ID);
        shop = GarageFixture.create(dataSource);
        ReleaseDesk.clear(shop);
        operatorDesk = new ReleaseDesk(rows, operator.admin("Ada Brennan"), new GarageClock());
        shopDesk = new ReleaseDesk(rows, shop.admin("Sam Shopowner"), new GarageClock());
        release = operatorDesk.register("STAFF", "ANDROID", "5.0.0");
        operatorDesk.roll(release, "BETA", 500);
    }

    @AfterEach
    void noReleasesLeft() {
        ReleaseDesk.clear(shop);
    }

    @Test
    void anotherGaragesAdminChangesNoReleaseRolloutOrMinimum() {
        refused(shopDesk.asAdmin("POST", RELEASES, Map.of("app", "STAFF", "platform", "IOS", "version", "5.0.0",
                "build", "1", "storeStatus", "AVAILABLE")));
        refused(shopDesk.asAdmin("PUT", RELEASES + "/{id}/store-status",
                Map.of("storeStatus", "WITHDRAWN", "baseVersion", 0), release));
        refused(shopDesk.asAdmin("POST", RELEASES + "/{id}/rollouts", Map.of("ring", "BETA", "percentBp", 10_000),
                release));
        refused(shopDesk.asAdmin("POST", RELEASES + "/{id}/rollouts/halt",
                Map.of("ring", "BETA", "reason", "Not my release"), release));
        refused(shopDesk.asAdmin("PUT", "/api/v1/admin/minimum-versions", Map.of("app", "STAFF", "platform", "ANDROID",
                "minimumVersion", "9.0.0", "graceHours", 0, "message", "Blocked")));

        assertEquals(1, rows.count("select count(*) from app_release"));
        assertEquals("AVAILABLE", rows.one("select store_status from app_release where id = ?", release)
                .get("store_status"));
        assertEquals(500, rows.one("select manual_percent_bp from release_rollout where release_id = ?", release)
                .get("manual_percent_bp"));
        assertEquals(0, rows.count("select count(*) from release_rollout where halted_at is not null"));
        assertEquals(0, rows.count("select count(*) from app_minimum_version"));
        assertEquals(1, rows.count("select count(*) from audit_entry where garage_id = ? and action = 'release.halt'"
                + " and outcome <> 'SUCCESS'", shop.garageId));

        operatorDesk.asAdmin("POST", RELEASES + "/{id}/rollouts/halt", Map.of("ring", "BETA", "reason", "Crashes"),
                release).statusCode(200).body("halted", equalTo(true));
    }

    @Test
    void killSwitchesForEveryGarageAreTheOperatorsAndOwnGarageOnesStayWithTheGarage() {
        refused(shopDesk.asAdmin("POST", "/api/v1/admin/kill-switches",
                Map.of("feature", "chat", "app", "STAFF", "message", "Off everywhere")));
        assertEquals(0, rows.count("select count(*) from kill_switch"));

        String own = shopDesk.asAdmin("POST", "/api/v1/admin/kill-switches", Map.of("feature", "chat", "app", "STAFF",
                "garageId", shop.garageId.toString(), "message", "Off in our garage")).statusCode(201)
                .extract().path("id");
        String everywhere = operatorDesk.asAdmin("POST", "/api/v1/admin/kill-switches",
                Map.of("feature", "photos", "app", "STAFF", "message", "Off everywhere")).statusCode(201)
                .extract().path("id");

        refused(shopDesk.asAdmin("DELETE", "/api/v1/admin/kill-switches/{id}", null, everywhere));
        operatorDesk.asAdmin("DELETE", "/api/v1/admin/kill-switches/{id}", null, own).statusCode(404);
        assertEquals(2, rows.count("select count(*) from kill_switch where removed_at is null"));

        shopDesk.asAdmin("DELETE", "/api/v1/admin/kill-switches/{id}", null, own).statusCode(204);
        operatorDesk.asAdmin("DELETE", "/api/v1/admin/kill-switches/{id}", null, everywhere).statusCode(204);
        assertEquals(0, rows.count("select count(*) from kill_switch where removed_at is null"));
    }

    private static void refused(ValidatableResponse response) {
        response.statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:garage:problem:forbidden"));
    }
}
