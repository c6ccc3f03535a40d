package com.garage.mobile.technician.security;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.platform.security.ratelimit.SlidingWindow;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Budgets per person and per device, counted in Redis: nonce issuance is the strict sign-in class (20 a minute). */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class RateLimitTest {

    @Inject
    DataSource dataSource;

    @Inject
    SlidingWindow windows;

    @Inject
    RedisDataSource redis;

    GarageFixture garage;
    Person tom;
    Person tina;

    @BeforeEach
    void createStaff() {
        garage = GarageFixture.create(dataSource);
        tom = garage.technician("Tom Reyes");
        tina = garage.technician("Tina Kowalski");
    }

    @Test
    void personOverTheirBudgetIsToldWhenToComeBackAndTheRefusalAudited() {
        for (int i = 0; i < 20; i++) {
            nonce(tom, null).statusCode(200);
        }
        int retryAfter = Integer.parseInt(nonce(tom, null)
                .statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:garage:problem:rate-limited"))
                .extract().header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        nonce(tina, null).statusCode(200);
        assertEquals(1L, new Rows(dataSource).count("select count(*) from audit_entry where garage_id = ?"
                + " and actor_subject = ? and outcome = 'REFUSED'"
                + " and detail->>'problem' = 'urn:garage:problem:rate-limited'", garage.garageId, tom.subject()));
    }

    @Test
    void deviceHasItsOwnBudgetWhoeverUsesIt() {
        String shared = "bay-tablet-" + UUID.randomUUID();
        for (int i = 0; i < 12; i++) {
            nonce(tom, shared).statusCode(200);
        }
        for (int i = 0; i < 8; i++) {
            nonce(tina, shared).statusCode(200);
        }
        nonce(tina, shared).statusCode(429);
        nonce(tina, "tinas-phone-" + UUID.randomUUID()).statusCode(200);
    }

    @Test
    void ordinaryCallsHaveTheLargerStandardBudget() {
        for (int i = 0; i < 25; i++) {
            given().auth().oauth2(TOKENS.of(tom)).when().get("/api/v1/me").then().statusCode(200);
        }
    }

    @Test
    void windowSlidesAndARefusedCallUsesNothing() {
        String strict = "garage:rate:test:" + UUID.randomUUID();
        String loose = "garage:rate:test:" + UUID.randomUUID();
        List<SlidingWindow.Counter> counters = List.of(new SlidingWindow.Counter(strict, 2),
                new SlidingWindow.Counter(loose, 10));
        Duration window = Duration.ofMillis(1500);
        assertEquals(Duration.ZERO, admit(counters, window));
        assertEquals(Duration.ZERO, admit(counters, window));
        Duration wait = admit(counters, window);
        assertTrue(wait.toMillis() > 0 && wait.toMillis() <= 1500, "wait " + wait);
        assertEquals(2L, redis.sortedSet(String.class).zcard(loose));
        await("admitted once the wait is over").pollDelay(wait.plusMillis(50)).atMost(wait.plusSeconds(2))
                .until(() -> admit(counters, window).isZero());
    }

    private Duration admit(List<SlidingWindow.Counter> counters, Duration window) {
        return windows.admit(counters, window).await().atMost(Duration.ofSeconds(5));
    }

    private ValidatableResponse nonce(Person person, String device) {
        var request = given().auth().oauth2(TOKENS.of(person));
        if (device != null) {
            request.header("X-Device-Id", device);
        }
        return request.when().post("/api/v1/device-attestation/nonces").then();
    }
}
