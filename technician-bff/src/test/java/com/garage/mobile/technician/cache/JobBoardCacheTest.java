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
import com.garage.mobile.platform.cache.CacheOwner;
import com.garage.mobile.platform.cache.HotPayload;
import com.garage.mobile.platform.cache.HotPayloadCache;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.MovableClock;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Workshop;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.smallrye.mutiny.Uni;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
    HotPayloadCache cache;
    @Inject
    RedisDataSource redis;
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

    @Test
    void aPodThatFindsTheLoadLockedWaitsForTheOtherPodsLoad() {
        HotPayload<String> payload = HotPayload.of("lock-probe", String.class);
        CacheOwner owner = JobScreens.technicianBoard(garage.garageId, UUID.randomUUID());
        String key = payloadKey(owner, "lock-probe:only");
        // Another pod holds the lock and stores its load a little later.
        redis.value(String.class).set(key + ":lock", "other-pod");
        CompletableFuture.runAsync(() -> redis.value(String.class).set(key, "\"loaded by the other pod\""),
                CompletableFuture.delayedExecutor(150, TimeUnit.MILLISECONDS));
        AtomicInteger ownLoads = new AtomicInteger();

        String value = cache.get(payload, owner, "only", () -> {
            ownLoads.incrementAndGet();
            return Uni.createFrom().item("loaded here");
        }).await().atMost(Duration.ofSeconds(5));

        assertEquals("loaded by the other pod", value);
        assertEquals(0, ownLoads.get());
        redis.key().del(key, key + ":lock");
    }

    @Test
    void aWaitingPodLoadsItselfWhenTheOtherPodNeverStores() {
        HotPayload<String> payload = HotPayload.of("lock-probe", String.class);
        CacheOwner owner = JobScreens.technicianBoard(garage.garageId, UUID.randomUUID());
        String key = payloadKey(owner, "lock-probe:only");
        redis.value(String.class).set(key + ":lock", "dead-pod");

        String value = cache.get(payload, owner, "only", () -> Uni.createFrom().item("loaded here"))
                .await().atMost(Duration.ofSeconds(5));

        assertEquals("loaded here", value);
        redis.key().del(key, key + ":lock");
    }

    @Test
    void aPodReadsItsCopyOfAPayloadUntilThePayloadIsStoredAnew() {
        HotPayload<String> payload = HotPayload.of("copy-probe", String.class);
        CacheOwner owner = JobScreens.technicianBoard(garage.garageId, UUID.randomUUID());
        String key = payloadKey(owner, "copy-probe:only");
        assertEquals("loaded", read(payload, owner, "loaded"));
        assertEquals("loaded", read(payload, owner, "not loaded again"));
        String tag = redis.value(String.class).get(key + ":tag");

        // Changed in Redis under the same tag: the pod reads only the counters and the tag, and keeps its copy.
        redis.value(String.class).set(key, "\"changed in Redis\"");
        assertEquals("loaded", read(payload, owner, "not loaded again"));

        // Stored anew, with a tag of its own: the pod reads the payload again.
        redis.value(String.class).set(key + ":tag", tag + "-anew");
        assertEquals("changed in Redis", read(payload, owner, "not loaded again"));
        assertEquals("changed in Redis", read(payload, owner, "not loaded again"));

        // Gone from Redis, as after a restart that lost its data: the pod does not serve its copy.
        redis.key().del(key, key + ":tag");
        assertEquals("loaded after the loss", read(payload, owner, "loaded after the loss"));
        redis.key().del(key, key + ":tag");
    }

    private String read(HotPayload<String> payload, CacheOwner owner, String loaded) {
        return cache.get(payload, owner, "only", () -> Uni.createFrom().item(loaded))
                .await().atMost(Duration.ofSeconds(5));
    }

    /** The key of an owner's payload before any eviction: the cache's key format, epoch included. */
    private String payloadKey(CacheOwner owner, String payloadAndVariant) {
        String epoch = redis.value(String.class).get("garage:cache:v1:epoch");
        return "garage:cache:v1:" + owner.key() + ":" + (epoch == null ? "0" : epoch) + ".0:" + payloadAndVariant;
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
