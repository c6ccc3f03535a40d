package com.garage.mobile.customer.appconfig;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class AppConfigTest {

    @Inject
    DataSource dataSource;

    GarageFixture garage;
    Person carl;

    @BeforeEach
    void customer() {
        garage = GarageFixture.create(dataSource);
        carl = garage.customer("Carl", "Jensen");
    }

    @AfterEach
    void offerAgain() {
        CourtesyCarOffer.offered = true;
    }

    @Test
    void eachPartIsComputedForThePersonAndTheirBuild() {
        config("ios", "2.3.1", null).statusCode(200)
                .body("app", equalTo("customer"))
                .body("platform", equalTo("ios"))
                .body("appVersion", equalTo("2.3.1"))
                .body("courtesyCar.offered", equalTo(true))
                .body("courtesyCar.garage", equalTo(garage.garageId.toString()));
        config("android", "1.9", null).statusCode(200).body("courtesyCar.offered", equalTo(false));
    }

    @Test
    void aBuildThatDoesNotSayWhatItIsGetsThePartsThatDoNotNeedIt() {
        given().auth().oauth2(TOKENS.of(carl)).when().get("/api/v1/app-config")
                .then().statusCode(200)
                .body("platform", nullValue())
                .body("$", not(hasKey("courtesyCar")));
    }

    @Test
    void anUnchangedConfigurationCostsA304AndAChangedOneDoesNot() {
        String etag = config("ios", "2.3.1", null).statusCode(200).extract().header("ETag");

        config("ios", "2.3.1", etag).statusCode(304);
        CourtesyCarOffer.offered = false;
        config("ios", "2.3.1", etag).statusCode(200).body("courtesyCar.offered", equalTo(false));
    }

    @Test
    void aMalformedBuildIsRefusedNamingTheHeader() {
        config("windows-phone", "2.3", null).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:garage:problem:validation"))
                .body("errors[0].field", equalTo("X-App-Platform"));
        config("ios", "latest", null).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("X-App-Version"));
    }

    @Test
    void noConfigurationWithoutSigningIn() {
        given().header("X-App-Platform", "ios").when().get("/api/v1/app-config").then().statusCode(401);
    }

    private ValidatableResponse config(String platform, String version, String ifNoneMatch) {
        var request = given().auth().oauth2(TOKENS.of(carl))
                .header("X-App-Platform", platform).header("X-App-Version", version);
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return request.when().get("/api/v1/app-config").then();
    }
}
