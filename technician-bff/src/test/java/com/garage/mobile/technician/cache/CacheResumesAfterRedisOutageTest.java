package com.garage.mobile.technician.cache;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.platform.cache.CacheMetrics;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Redis goes away and comes back while the app runs: caching stops, then resumes by itself. */
@QuarkusTest
@TestProfile(ThrowawayRedis.class)
@WithTestResource(OidcWiremockTestResource.class)
class CacheResumesAfterRedisOutageTest {

    @Inject
    DataSource dataSource;
    @Inject
    CacheMetrics metrics;

    @Test
    void cachingStopsWhileRedisIsDownAndResumesWhenItIsBack() {
        GarageFixture garage = GarageFixture.create(dataSource);
        Person tom = garage.technician("Tom Reyes");
        Person carl = garage.customer("Carl", "Jensen");
        UUID job = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).create();

        double loads = metrics.loads("job-board");
        board(tom, "Noise from the front left wheel");
        board(tom, "Noise from the front left wheel");
        assertEquals(loads + 1, metrics.loads("job-board"), "second read from the cache");

        ThrowawayRedis.stop();
        garage.sql("update job_card set concern = 'Brakes squeal' where id = ?", job);
        loads = metrics.loads("job-board");
        board(tom, "Brakes squeal");
        board(tom, "Brakes squeal");
        assertEquals(loads + 2, metrics.loads("job-board"), "every read from PostgreSQL while Redis is down");

        ThrowawayRedis.start();
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            board(tom, "Brakes squeal");
            double before = metrics.loads("job-board");
            board(tom, "Brakes squeal");
            assertEquals(before, metrics.loads("job-board"), "read from the cache again");
        });
    }

    @Test
    void evictionsMissedDuringAnOutageDoNotServeStalePayloadsAfterwards() {
        GarageFixture garage = GarageFixture.create(dataSource);
        Person tom = garage.technician("Tom Reyes");
        Person carl = garage.customer("Carl", "Jensen");
        UUID job = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).create();
        boardStatus(tom, "OPEN");
        double loads = metrics.loads("job-board");
        boardStatus(tom, "OPEN");
        assertEquals(loads, metrics.loads("job-board"), "second read from the cache");

        ThrowawayRedis.stopKeepingData();
        given().auth().oauth2(TOKENS.of(tom)).contentType(ContentType.JSON)
                .body(Map.of("status", "IN_PROGRESS", "baseVersion", 0))
                .when().post("/api/v1/jobs/" + job + "/status").then().statusCode(200);
        ThrowawayRedis.start(); // with the payload and generation from before the change

        long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < until) {
            boardStatus(tom, "IN_PROGRESS");
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            double before = metrics.loads("job-board");
            boardStatus(tom, "IN_PROGRESS");
            assertEquals(before, metrics.loads("job-board"), "read from the cache again");
        });
    }

    private static void boardStatus(Person technician, String status) {
        given().auth().oauth2(TOKENS.of(technician)).when().get("/api/v1/jobs/board")
                .then().statusCode(200).body("items[0].status", equalTo(status));
    }

    private static void board(Person technician, String concern) {
        given().auth().oauth2(TOKENS.of(technician)).when().get("/api/v1/jobs/board")
                .then().statusCode(200).body("items[0].concern", equalTo(concern));
    }
}
