package com.garage.mobile.technician.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who a token's subject is, kept in the pod: asked of PostgreSQL once, and forgotten as soon as the
 * person's record changes, whoever changes it (here SQL, as the desktop system would).
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ActorCacheTest {

    private static final TestTokens TOKENS = new TestTokens("technician-bff");
    private static final Duration NOTIFY_WITHIN = Duration.ofSeconds(5);

    @Inject
    DataSource dataSource;

    GarageFixture garage;
    Person tom;

    @BeforeEach
    void createGarage() {
        garage = GarageFixture.create(dataSource);
        tom = garage.technician("Tom Reyes");
    }

    @Test
    void aSecondRequestFindsThePersonInThePod() {
        me().statusCode(200);
        double hits = actorCacheHits();
        me().statusCode(200).body("displayName", equalTo("Tom Reyes"));
        assertTrue(actorCacheHits() >= hits + 1, "the second request was answered from the pod's cache");
    }

    @Test
    void deactivatedStaffMemberIsRefusedOnTheNextRequest() {
        me().statusCode(200);
        garage.sql("update staff set active = false where id = ?", tom.id());
        Awaitility.await().atMost(NOTIFY_WITHIN).untilAsserted(() -> me().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo("You are not enrolled in this app at this garage.")));
    }

    @Test
    void renamedStaffMemberIsSeenRenamed() {
        me().statusCode(200).body("displayName", equalTo("Tom Reyes"));
        garage.sql("update staff set display_name = 'Tomás Reyes' where id = ?", tom.id());
        Awaitility.await().atMost(NOTIFY_WITHIN)
                .untilAsserted(() -> me().statusCode(200).body("displayName", equalTo("Tomás Reyes")));
    }

    @Test
    void technicianMadeAdvisorLosesTheTechnicianTokenRole() {
        me().statusCode(200).body("role", equalTo("technician"));
        garage.sql("update staff set role = 'ADVISOR' where id = ?", tom.id());
        // The token still grants the technician role only, which no longer matches the staff record.
        Awaitility.await().atMost(NOTIFY_WITHIN).untilAsserted(() -> me().statusCode(403));
    }

    private io.restassured.response.ValidatableResponse me() {
        return given().auth().oauth2(TOKENS.of(tom)).when().get("/api/v1/me").then();
    }

    private static double actorCacheHits() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("cache_gets_total{") && line.contains("cache=\"actors\"")
                        && line.contains("result=\"hit\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
