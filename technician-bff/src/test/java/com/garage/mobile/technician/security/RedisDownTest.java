package com.garage.mobile.technician.security;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Without Redis, rate limits are not counted and calls go through (the bay keeps working);
 * attestation nonces, kept in PostgreSQL, are still issued.
 */
@QuarkusTest
@TestProfile(RedisUnreachable.class)
@WithTestResource(OidcWiremockTestResource.class)
class RedisDownTest {

    @Inject
    DataSource dataSource;

    @Test
    void callsGoThroughUncountedAndNoncesAreStillIssuedWhenRedisIsDown() {
        GarageFixture garage = GarageFixture.create(dataSource);
        Person tom = garage.technician("Tom Reyes");
        Person carl = garage.customer("Carl", "Jensen");
        UUID jobId = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).create();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(TOKENS.of(tom)).when().get("/api/v1/me").then().statusCode(200);
        }
        given().auth().oauth2(TOKENS.of(tom)).contentType(ContentType.JSON)
                .body(Map.of("status", "IN_PROGRESS", "baseVersion", 0))
                .when().post("/api/v1/jobs/" + jobId + "/status")
                .then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
        given().auth().oauth2(TOKENS.of(tom)).when().post("/api/v1/device-attestation/nonces")
                .then().statusCode(200).body("nonce", notNullValue());
    }
}
