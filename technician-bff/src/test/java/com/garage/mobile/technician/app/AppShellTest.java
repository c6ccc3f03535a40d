package com.garage.mobile.technician.app;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.garage.mobile.domain.garage.Branding;
import com.garage.mobile.domain.garage.ContrastRule;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** The web app's files, its start-up settings and the garage's branding, as the technician BFF serves them. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class AppShellTest {

    @Inject
    DataSource dataSource;

    @Test
    void theShellIsServedUnderAStrictContentSecurityPolicy() {
        given().when().get("/app/")
                .then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .body(containsString("js/main.js"));
        given().when().get("/app/sw.js").then().statusCode(200);
    }

    @Test
    void settingsNameTheAppItsPublicClientTheProvidersEndpointsItsVersionAndNoPushKeyWhenPushIsOff() {
        given().when().get("/app/settings.json")
                .then().statusCode(200)
                .body("app", equalTo("technician"))
                .body("clientId", equalTo("technician-app"))
                .body("scope", equalTo("openid"))
                .body("authorizationEndpoint", endsWith("/auth/realms/quarkus"))
                .body("tokenEndpoint", endsWith("/auth/realms/quarkus/token"))
                .body("version", equalTo("1.0.0-SNAPSHOT"))
                .body("webPushKey", nullValue());
    }

    @Test
    void brandingIsTheCallersGarageWithItsColourShadedToKeepContrast() {
        GarageFixture garage = GarageFixture.create(dataSource);
        Person tom = garage.technician("Tom Reyes");
        garage.sql("update garage set brand_primary_colour = '#ffcc00', brand_logo_url = '/logo.png' where id = ?",
                garage.garageId);

        var body = given().auth().oauth2(TOKENS.of(tom)).when().get("/api/v1/branding")
                .then().statusCode(200)
                .body("chosenPrimary", equalTo("#ffcc00"))
                .body("logoUrl", equalTo("/logo.png"))
                .body("primaryDark", equalTo("#ffcc00"))
                .extract().jsonPath();
        Assertions.assertTrue(ContrastRule.ratio(body.getString("primaryLight"), Branding.LIGHT_SURFACE) >= 4.5);
    }

    @Test
    void brandingNeedsASignedInPerson() {
        given().when().get("/api/v1/branding")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }
}
