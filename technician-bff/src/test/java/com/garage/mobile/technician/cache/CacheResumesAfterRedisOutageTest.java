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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Redis goes away and comes back while the app runs: caching stops, then resumes by itself. */
@QuarkusTest
@TestProfile(ThrowawayRedis.class)
@WithTestResource(OidcWiremockTestResource.class)
class CacheResumesAfterRedisOutageTest {

    private static final String EPOCH = "garage:cache:v1:epoch";

    @Inject
    DataSource dataSource;
    @Inject
    CacheMetrics metrics;

    GarageFixture garage;
    Person tom;
    UUID job;

    @BeforeEach
    void jobOnTomsBoard() {
        garage = GarageFixture.create(dataSource);
        tom = garage.technician("Tom Reyes");
        Person carl = garage.customer("Carl", "Jensen");
        job = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).create();
    }

    @Test
    void cachingStopsWhileRedisIsDownAndResumesWhenItIsBack() {
        awaitServedFromTheCache(() -> board(tom, "Noise from the front left wheel"));

        ThrowawayRedis.stop();
        garage.sql("update job_card set concern = 'Brakes squeal' where id = ?", job);
        double loads = metrics.loads("job-board");
        board(tom, "Brakes squeal");
        board(tom, "Brakes squeal");
        assertEquals(loads + 2, metrics.loads("job-board"), "every read from PostgreSQL while Redis is down");

        ThrowawayRedis.start();
        awaitServedFromTheCache(() -> board(tom, "Brakes squeal"));
    }

    @Test
    void evictionsMissedDuringAnOutageDoNotServeStalePayloadsAfterwards() {
        awaitServedFromTheCache(() -> boardStatus(tom, "OPEN"));

        ThrowawayRedis.stopKeepingData();
        startWork();
        ThrowawayRedis.start(); // with the payload and generation from before the change

        long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < until) {
            boardStatus(tom, "IN_PROGRESS");
        }
        awaitServedFromTheCache(() -> boardStatus(tom, "IN_PROGRESS"));
    }

    @Test
    void aSlowRedisSendsReadsToPostgresqlAbandonsNothingAndItsEvictionsStillLand() {
        awaitServedFromTheCache(() -> boardStatus(tom, "OPEN"));
        String epoch = ThrowawayRedis.get(EPOCH);

        ThrowawayRedis.stall(Duration.ofMillis(600));
        double loads = metrics.loads("job-board");
        boardStatus(tom, "OPEN");
        assertEquals(loads + 1, metrics.loads("job-board"), "read from PostgreSQL past the read's budget");
        awaitServedFromTheCache(() -> boardStatus(tom, "OPEN"));

        ThrowawayRedis.stall(Duration.ofMillis(600));
        startWork();

        awaitServedFromTheCache(() -> boardStatus(tom, "IN_PROGRESS"));
        assertEquals(epoch, ThrowawayRedis.get(EPOCH), "nothing cached was abandoned");
    }

    /**
     * Reads until a read is served from the cache. Also at a test's start: the other test's Redis
     * restart (or the client's first connection) can still be ending, and the first answer after a
     * failure abandons what was cached before it, by design.
     */
    private void awaitServedFromTheCache(Runnable read) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            read.run();
            double before = metrics.loads("job-board");
            read.run();
            assertEquals(before, metrics.loads("job-board"), "read from the cache");
        });
    }

    private void startWork() {
        given().auth().oauth2(TOKENS.of(tom)).contentType(ContentType.JSON)
                .body(Map.of("status", "IN_PROGRESS", "baseVersion", 0))
                .when().post("/api/v1/jobs/" + job + "/status").then().statusCode(200);
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
