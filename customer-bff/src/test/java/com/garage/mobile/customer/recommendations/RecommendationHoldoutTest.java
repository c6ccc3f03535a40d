package com.garage.mobile.customer.recommendations;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.platform.recommendation.RecommendationPush;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.LiveClient;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import com.garage.mobile.testing.SyncReplica;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A recommendation kind run as an experiment: a customer in its holdout is not shown, told or pushed the prompt, the
 * exposure is recorded, and when the experiment ships the prompt it opens for them.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class RecommendationHoldoutTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;
    @Inject
    RecommendationPush push;

    Rows rows;
    GarageFixture garage;
    Person carl;
    UUID golf;
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void carlsGolfHadItsOilChanged200DaysAgoAt30000Km() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        carl = garage.customer("Carl", "Jensen");
        golf = garage.vehicle(carl);
        garage.pastService(carl, golf, "Oil change", 30_000, now.minus(Duration.ofDays(200)));
        garage.sql("insert into push_device (id, garage_id, customer_id, platform, token, app_version, os_version,"
                + " locale, time_zone) values (?, ?, ?, 'ANDROID', ?, '3.2.0', '14', 'en-GB', 'Europe/London')",
                UUID.randomUUID(), garage.garageId, carl.id(), "token-" + UUID.randomUUID());
        garage.sql("insert into notification_consent (garage_id, customer_id, category, granted, source_app,"
                + " source_screen, policy_version) values (?, ?, 'SERVICE_REMINDERS', true, 'customer-app', 'settings',"
                + " '2025-06')", garage.garageId, carl.id());
    }

    @Test
    void aCustomerInTheHoldoutIsNotPromptedUntilTheExperimentShipsThePrompt() {
        UUID experiment = garage.customerExperiment("recommendation-service-due", "holdout:100", "shown:0");
        try (LiveClient carlsApp = LiveClient.connect(base, LiveClient.PATH, TOKENS.of(carl), null)) {
            carlsApp.await("caught-up");
            report(Map.of("odometerKm", 42_000, "readAt", now.minus(Duration.ofDays(60)).toString()));
            report(Map.of("odometerKm", 44_500));
            assertEquals("HELD_OUT", rows.one("select status from recommendation where vehicle_id = ? and kind ="
                    + " 'SERVICE_DUE'", golf).get("status"));
            given().auth().oauth2(TOKENS.of(carl)).get("/api/v1/vehicles/{id}/recommendations", golf).then()
                    .statusCode(200).body("findAll { it.kind == 'SERVICE_DUE' }", empty());
            assertTrue(new SyncReplica(TOKENS.of(carl)).catchUp(100).records.keySet().stream()
                    .noneMatch(key -> key.startsWith("recommendation")), "not in the customer's offline copy");
            push.pushOnce().await().indefinitely();
            assertEquals(0L, rows.count("select count(*) from recommendation_outcome o join recommendation r"
                    + " on r.id = o.recommendation_id where r.vehicle_id = ?", golf), "not shown, not pushed");
            assertEquals(0L, rows.count("select count(*) from outbound_work where kind = 'notification'"
                    + " and payload->>'notificationKey' like 'recommendation:%' and garage_id = ?", garage.garageId));
            assertEquals(0L, rows.count("select count(*) from recommendation_event where vehicle_id = ?", golf));
            assertTrue(carlsApp.events("recommendation").isEmpty(), "nothing said on the live channel");
        }
        assertEquals("holdout", rows.one("select variant from experiment_exposure where experiment_id = ?",
                experiment).get("variant"), "Carl's exposure is recorded, once");

        garage.sql("update experiment set status = 'STOPPED', shipped_variant = 'shown' where id = ?", experiment);
        report(Map.of("odometerKm", 44_600));
        given().auth().oauth2(TOKENS.of(carl)).get("/api/v1/vehicles/{id}/recommendations", golf).then()
                .statusCode(200).body("find { it.kind == 'SERVICE_DUE' }.status", equalTo("OPEN"))
                .body("find { it.kind == 'SERVICE_DUE' }.actions.kind", hasItem("BOOK"));
        assertEquals(1L, rows.count("select count(*) from recommendation_event where vehicle_id = ?", golf),
                "opened, it is announced");
        assertEquals(1L, rows.count("select count(*) from recommendation where vehicle_id = ? and kind ="
                + " 'SERVICE_DUE'", golf), "the same recommendation, not a second one");
        push.pushOnce().await().indefinitely();
        assertEquals(1L, rows.count("select count(*) from recommendation_outcome o join recommendation r"
                + " on r.id = o.recommendation_id where r.vehicle_id = ? and o.outcome = 'PUSHED'", golf),
                "and pushed");
    }

    private void report(Map<String, Object> reading) {
        given().auth().oauth2(TOKENS.of(carl)).contentType(ContentType.JSON).body(reading)
                .post("/api/v1/vehicles/{id}/telemetry", golf).then().statusCode(200);
    }
}
