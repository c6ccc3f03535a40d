package com.garage.mobile.technician.cache;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.api.jobs.JobScreens;
import com.garage.mobile.domain.job.JobAssignmentService;
import com.garage.mobile.domain.job.JobStatus;
import com.garage.mobile.domain.job.JobStatusService;
import com.garage.mobile.platform.cache.CacheMetrics;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.MovableClock;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Workshop;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class JobBoardCacheTest {

    private static final String BOARD = "/api/v1/jobs/board";

    @Inject
    DataSource dataSource;
    @Inject
    CacheMetrics metrics;
    @Inject
    JobStatusService statuses;
    @Inject
    JobAssignmentService assignments;

    GarageFixture garage;
    Person tom;
    Person tina;
    Person advisor;
    Person carl;
    UUID golf;
    Workshop workshop;

    @BeforeEach
    void createGarage() {
        garage = GarageFixture.create(dataSource);
        tom = garage.technician("Tom Reyes");
        tina = garage.technician("Tina Kowalski");
        advisor = garage.advisor("Alice Morgan");
        carl = garage.customer("Carl", "Jensen");
        golf = garage.vehicle(carl);
        workshop = new Workshop(statuses, assignments);
    }

    @Test
    void secondReadIsServedFromCacheUntilAJobEventEvictsIt() {
        UUID job = garage.job(carl, golf).assignedTo(tom).create();
        double loads = metrics.loads("job-board");
        concernOnBoardOf(tom, "Noise from the front left wheel");
        // Changed behind the cache, with no event: the cached board still shows the old concern.
        garage.sql("update job_card set concern = 'Brakes squeal' where id = ?", job);
        concernOnBoardOf(tom, "Noise from the front left wheel");
        assertEquals(loads + 1, metrics.loads("job-board"));

        workshop.change(tom, job, JobStatus.IN_PROGRESS);

        given().auth().oauth2(TOKENS.of(tom)).when().get(BOARD)
                .then().statusCode(200)
                .body("items[0].concern", equalTo("Brakes squeal"))
                .body("items[0].status", equalTo("IN_PROGRESS"));
    }

    @Test
    void wholeWorkshopBoardIsCachedPerGarageAndEvictedByAnyJobEvent() {
        UUID job = garage.job(carl, golf).assignedTo(tom).create();
        Person bob = garage.advisor("Bob Advisor");
        garageBoardConcern(advisor, "Noise from the front left wheel");
        garage.sql("update job_card set concern = 'Brakes squeal' where id = ?", job);
        // Another advisor of the garage reads the same cached board.
        garageBoardConcern(bob, "Noise from the front left wheel");

        workshop.change(tom, job, JobStatus.IN_PROGRESS);

        garageBoardConcern(bob, "Brakes squeal");
    }

    @Test
    void reassigningAJobEvictsTheBoardsOfBothTechnicians() {
        UUID job = garage.job(carl, golf).assignedTo(tom).create();
        given().auth().oauth2(TOKENS.of(tom)).when().get(BOARD)
                .then().statusCode(200).body("items.id", contains(job.toString()));
        given().auth().oauth2(TOKENS.of(tina)).when().get(BOARD)
                .then().statusCode(200).body("items", empty());

        given().auth().oauth2(TOKENS.of(advisor)).header("If-Match", "\"0\"")
                .when().put("/api/v1/jobs/" + job + "/technicians/" + tina.id())
                .then().statusCode(200);
        given().auth().oauth2(TOKENS.of(advisor)).header("If-Match", "\"1\"")
                .when().delete("/api/v1/jobs/" + job + "/technicians/" + tom.id())
                .then().statusCode(200);

        given().auth().oauth2(TOKENS.of(tom)).when().get(BOARD)
                .then().statusCode(200).body("items", empty());
        given().auth().oauth2(TOKENS.of(tina)).when().get(BOARD)
                .then().statusCode(200).body("items.id", contains(job.toString()));
    }

    @Test
    void aGzipClientGetsTheBoardPreCompressedUnderTheSameTagAsAPlainOne() {
        UUID job = garage.job(carl, golf).assignedTo(tom).create();
        var plain = given().config(RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig()
                        .noContentDecoders())).auth().oauth2(TOKENS.of(tom)).header("Accept-Encoding", "identity")
                .when().get(BOARD)
                .then().statusCode(200).contentType("application/json")
                .header("Content-Encoding", nullValue())
                .header("Vary", containsString("Accept-Encoding"))
                .body("items.id", contains(job.toString()))
                .extract();
        double loads = metrics.loads("job-board");
        var gzip = given().config(RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig()
                        .noContentDecoders())).auth().oauth2(TOKENS.of(tom)).header("Accept-Encoding", "gzip")
                .when().get(BOARD)
                .then().statusCode(200).header("Content-Encoding", "gzip")
                .extract();

        assertEquals(plain.header("ETag"), gzip.header("ETag"));
        assertEquals(plain.asString(), gunzip(gzip.asByteArray()));
        // Each encoding is kept as sent: the gzip one was loaded once and is then served as it is.
        assertEquals(loads + 1, metrics.loads("job-board"));
        given().auth().oauth2(TOKENS.of(tom)).header("Accept-Encoding", "gzip").when().get(BOARD)
                .then().statusCode(200).body("items.id", contains(job.toString()));
        assertEquals(loads + 1, metrics.loads("job-board"));
    }

    @Test
    void aBoardReadAgainWithItsTagIsNotModifiedUntilAJobChanges() {
        UUID job = garage.job(carl, golf).assignedTo(tom).create();
        String etag = given().auth().oauth2(TOKENS.of(tom)).when().get(BOARD)
                .then().statusCode(200).header("ETag", startsWith("W/\"")).extract().header("ETag");

        given().auth().oauth2(TOKENS.of(tom)).header("If-None-Match", etag).when().get(BOARD)
                .then().statusCode(304).header("ETag", etag).body(is(emptyString()));

        workshop.change(tom, job, JobStatus.IN_PROGRESS);

        given().auth().oauth2(TOKENS.of(tom)).header("If-None-Match", etag).when().get(BOARD)
                .then().statusCode(200).header("ETag", not(etag))
                .body("items[0].status", equalTo("IN_PROGRESS"));
    }

    @Test
    void aCachedBoardShowsAJobOverdueOnceItsPromiseFallsDue() {
        MovableClock clock = new MovableClock();
        QuarkusMock.installMockForType(clock, GarageClock.class);
        Instant promise = clock.now().plus(Duration.ofMinutes(10));
        garage.job(carl, golf).assignedTo(tom).promisedAt(promise).create();
        given().auth().oauth2(TOKENS.of(tom)).when().get(BOARD)
                .then().statusCode(200).body("items[0].overdue", equalTo(false));
        double loads = metrics.loads("job-board");

        clock.moveTo(promise.minusSeconds(60));
        given().auth().oauth2(TOKENS.of(tom)).when().get(BOARD)
                .then().statusCode(200).body("items[0].overdue", equalTo(false));
        assertEquals(loads, metrics.loads("job-board"));

        clock.moveTo(promise.plusSeconds(60));
        given().auth().oauth2(TOKENS.of(tom)).when().get(BOARD)
                .then().statusCode(200).body("items[0].overdue", equalTo(true));
        assertEquals(loads + 1, metrics.loads("job-board"));
    }

    @Test
    void concurrentMissesOfOneBoardLoadItOnce() throws Exception {
        for (int i = 0; i < 30; i++) {
            garage.job(carl, golf).assignedTo(tom).step("Inspect").create();
        }
        double loads = metrics.loads("job-board");
        String token = TOKENS.of(tom);
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> given().auth().oauth2(token).when().get(BOARD).then().statusCode(200)
                        .extract().path("items.size()"));
            }
            for (Future<Integer> answer : clients.invokeAll(calls)) {
                assertEquals(30, answer.get());
            }
        } finally {
            clients.shutdown();
        }
        assertEquals(loads + 1, metrics.loads("job-board"));
    }

    private static String gunzip(byte[] body) {
        try (var unzipped = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(unzipped.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void concernOnBoardOf(Person technician, String concern) {
        given().auth().oauth2(TOKENS.of(technician)).when().get(BOARD)
                .then().statusCode(200).body("items[0].concern", equalTo(concern));
    }

    private void garageBoardConcern(Person reader, String concern) {
        given().auth().oauth2(TOKENS.of(reader)).queryParams(Map.of("scope", "garage")).when().get(BOARD)
                .then().statusCode(200).body("items[0].concern", equalTo(concern));
    }

}
