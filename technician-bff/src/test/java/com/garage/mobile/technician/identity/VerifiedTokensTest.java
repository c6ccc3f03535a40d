package com.garage.mobile.technician.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.MovableClock;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A bearer token is verified once per pod and then taken by its exact text until it expires. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class VerifiedTokensTest {

    private static final TestTokens TOKENS = new TestTokens("technician-bff");

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
    void aTokenIsCheckedOnceAndThenTakenAsVerified() {
        String token = TOKENS.of(tom);
        double checked = count("checked");
        double remembered = count("remembered");

        me(token).statusCode(200).body("displayName", equalTo("Tom Reyes"));
        me(token).statusCode(200).body("displayName", equalTo("Tom Reyes"));

        assertEquals(checked + 1, count("checked"));
        assertEquals(remembered + 1, count("remembered"));
    }

    @Test
    void aTamperedCopyOfARememberedTokenIsRefused() {
        String token = TOKENS.of(tom);
        me(token).statusCode(200);
        String header = token.substring(0, token.indexOf('.'));
        String signature = token.substring(token.lastIndexOf('.') + 1);
        String otherClaims = TOKENS.builder(tom).roles("advisor").sign();
        String forged = header + otherClaims.substring(otherClaims.indexOf('.'), otherClaims.lastIndexOf('.') + 1)
                + signature;

        me(forged).statusCode(401);
        me(token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA")).statusCode(401);
    }

    @Test
    void aRememberedTokenIsCheckedAgainOnceItHasExpiredByTheGaragesClock() {
        MovableClock clock = new MovableClock();
        QuarkusMock.installMockForType(clock, GarageClock.class);
        Instant expiry = Instant.now().plus(Duration.ofMinutes(3));
        String token = TOKENS.builder(tom).expiresAt(expiry).sign();
        me(token).statusCode(200);
        double checked = count("checked");

        me(token).statusCode(200);
        assertEquals(checked, count("checked"));

        clock.moveTo(expiry.plusSeconds(1));
        me(token);
        assertEquals(checked + 1, count("checked"));
    }

    @Test
    void aDeactivatedPersonIsRefusedThoughTheirTokenIsRemembered() {
        String token = TOKENS.of(tom);
        me(token).statusCode(200);
        me(token).statusCode(200);

        garage.sql("update staff set active = false where id = ?", tom.id());

        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> me(token).statusCode(403)
                .body("detail", equalTo("You are not enrolled in this app at this garage.")));
    }

    private static ValidatableResponse me(String token) {
        return given().auth().oauth2(token).when().get("/api/v1/me").then();
    }

    private static double count(String verification) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("garage_tokens_total{") && line.contains("=\"" + verification + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
