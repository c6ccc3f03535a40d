package com.garage.mobile.customer.releases;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The customer app: a customer who joins the beta is offered the beta build; one who does not is not. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class CustomerBetaOfferTest {

    @Inject
    DataSource dataSource;

    Rows rows;
    GarageFixture garage;
    UUID release;

    @BeforeEach
    void betaBuildOfTheCustomerApp() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        clear();
        release = UUID.randomUUID();
        garage.sql("insert into app_release (id, garage_id, app, platform, version, build, store_status, notes,"
                + " budget_crash_free_bp, budget_min_sessions, created_by, created_at)"
                + " values (?, ?, 'CUSTOMER', 'ANDROID', '2.5.0', '250', 'AVAILABLE', 'Live repair photos', 9950, 500,"
                + " 'test', now())", release, garage.garageId);
        garage.sql("insert into release_rollout (release_id, ring, garage_id, mode, manual_percent_bp, running_since,"
                + " started_at) values (?, 'BETA', ?, 'MANUAL', 10000, now(), now())", release, garage.garageId);
    }

    @AfterEach
    void clear() {
        // releases are global: each test starts from none
        for (String table : new String[] {"release_alert", "crash_event", "crash_issue", "app_session",
                "release_rollout", "app_release", "kill_switch", "app_minimum_version", "release_ring_member"}) {
            garage.sql("delete from " + table);
        }
    }

    @Test
    void aCustomerWhoJoinsTheBetaIsOfferedItAndOthersAreNot() {
        Person carl = garage.customer("Carl", "Jensen");
        Person cora = garage.customer("Cora", "Li");
        given().auth().oauth2(TOKENS.of(carl)).contentType(ContentType.JSON).body(Map.of("joined", true))
                .put("/api/v1/releases/beta").then().statusCode(200).body("ring", equalTo("BETA"));

        config(carl).body("ring", equalTo("BETA")).body("update.available", equalTo(true))
                .body("update.version", equalTo("2.5.0")).body("update.notes", equalTo("Live repair photos"))
                .body("update.rolloutRing", equalTo("BETA"));
        config(cora).body("ring", equalTo("PRODUCTION")).body("update.available", equalTo(false));
        assertEquals("SELF", rows.one("select source from release_ring_member where person_id = ? and app = 'CUSTOMER'",
                carl.id()).get("source"));
    }

    @Test
    void aBetaAnswerThatIsNotAFlagIsRefusedAndChangesNothing() {
        Person carl = garage.customer("Carl", "Jensen");
        given().auth().oauth2(TOKENS.of(carl)).contentType(ContentType.JSON).body("{\"joined\": \"yes\"}")
                .put("/api/v1/releases/beta").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("joined"));
        assertEquals(0, rows.count("select count(*) from release_ring_member where person_id = ?", carl.id()));
    }

    private static ValidatableResponse config(Person person) {
        return given().auth().oauth2(TOKENS.of(person)).header("X-App-Platform", "android")
                .header("X-App-Version", "2.4.2").get("/api/v1/app-config").then().statusCode(200);
    }
}
