package com.garage.mobile.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import com.garage.mobile.testing.TestAttestations;
import com.garage.mobile.testing.TestTokens;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Two customer-bff pods and one technician-bff pod, each a separate JVM started from its packaged
 * app, over the same PostgreSQL and a Redis of the test's own: what a technician changes reaches
 * the customer on whichever pod, in order, across reconnects, a Redis outage and a pod shutdown,
 * and it reaches their next sync and their cached copy of the job on the other app. A customer
 * unlinked at the desk is refused by every pod that knew them. Chat messages and typing cross between
 * the customer's pod and the workshop's both ways.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveUpdatesAcrossPodsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final TestTokens STAFF_TOKENS = new TestTokens("technician-bff");
    private static final TestAttestations ATTESTATIONS = new TestAttestations("technician-bff", "com.garage.technician");
    private static final TestTokens CUSTOMER_TOKENS = new TestTokens("customer-bff");
    private static final String STATUS_CYCLE_START = "IN_PROGRESS";

    private final OidcWiremockTestResource oidc = new OidcWiremockTestResource();
    private final PrivateRedis redis = new PrivateRedis(Path.of(System.getProperty("garage.pods.logs"), "redis.log"));
    private final List<AppConnection> connections = new ArrayList<>();
    private Pod workshopPod;
    private Pod customerPodA;
    private Pod customerPodB;
    private Rows rows;
    private GarageFixture garage;
    private Person tom;
    private Person carl;
    private UUID jobId;
    private long version;

    @BeforeAll
    void startPods() {
        Map<String, String> oidcConfig = oidc.start();
        System.setProperty("smallrye.jwt.sign.key.location", oidcConfig.get("smallrye.jwt.sign.key.location"));
        Path.of(System.getProperty("garage.pods.logs")).toFile().mkdirs();
        redis.start();
        String jdbcUrl = env("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/garage_test");
        Map<String, String> environment = Map.of(
                "DB_USER", "garage", "DB_PASSWORD", "garage", "DB_JDBC_URL", jdbcUrl,
                "DB_REACTIVE_URL", env("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:5432/garage_test"),
                "DB_MIGRATE_AT_START", "true", "REDIS_URL", redis.url(),
                "OIDC_AUTH_SERVER_URL", oidcConfig.get("keycloak.url") + "/realms/quarkus/",
                "ATTESTATION_ISSUER", TestAttestations.ISSUER,
                "ATTESTATION_JWKS_URL", TestAttestations.publicKeySetFile());
        // A shutdown delay of 2 s, not the 10 s a pod takes for Kubernetes to stop routing to it: here no router
        // needs it, and what the clients of a stopping pod are told happens at its start.
        Map<String, String> settings = Map.of("quarkus.oidc.token.issuer", TestTokens.ISSUER,
                "garage.events.retry-delay", "250ms", "garage.events.relay-interval", "500ms",
                "garage.events.relay-grace", "1s", "%prod.quarkus.shutdown.delay", "2s");
        workshopPod = Pod.start("technician-bff", "technician-bff", environment, settings);
        customerPodA = Pod.start("customer-bff-a", "customer-bff", environment, settings);
        customerPodB = Pod.start("customer-bff-b", "customer-bff", environment, settings);
        Stream.of(workshopPod, customerPodA, customerPodB).forEach(Pod::awaitReady);

        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        dataSource.setUser("garage");
        dataSource.setPassword("garage");
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
    }

    /** A technician of each test's own: the attestation nonces his changes take count against his rate limit. */
    @BeforeEach
    void createJob() {
        tom = garage.technician("Tom Reyes");
        carl = garage.customer("Carl", "Jensen");
        jobId = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).create();
        version = 0;
    }

    @AfterAll
    void stopPods() {
        connections.forEach(AppConnection::close);
        // Stopped together, as a rollout of both deployments would: each takes its shutdown delay and timeout.
        List<Pod> pods = Stream.of(workshopPod, customerPodA, customerPodB).filter(pod -> pod != null).toList();
        pods.forEach(Pod::terminate);
        pods.forEach(Pod::awaitStopped);
        redis.stop();
        oidc.stop();
    }

    @Test
    @Order(1)
    void technicianChangeReachesTheCustomerOnEveryPodInOrder() {
        AppConnection onA = connect(customerPodA, null);
        AppConnection onB = connect(customerPodB, null);

        IntStream.range(0, 5).forEach(i -> technicianMovesTheJob());

        List<Long> committed = eventIds();
        assertEquals(List.of(1, 2, 3, 4, 5), seqsOf(onA.awaitEvents(5)));
        assertEquals(List.of(1, 2, 3, 4, 5), seqsOf(onB.awaitEvents(5)));
        assertEquals(committed, onA.eventIds());
        assertEquals(committed, onB.eventIds());
    }

    @Test
    @Order(2)
    void clientThatMissedThreeEventsGetsExactlyThoseOnReconnect() {
        AppConnection before = connect(customerPodA, null);
        technicianMovesTheJob();
        long lastSeen = before.awaitEvents(1).get(0).getLong("eventId");
        before.close();

        IntStream.range(0, 3).forEach(i -> technicianMovesTheJob());

        AppConnection after = connect(customerPodB, lastSeen);
        assertEquals(eventIds().subList(1, 4), after.eventIds());
        technicianMovesTheJob();
        assertEquals(List.of(2, 3, 4, 5), seqsOf(after.awaitEvents(4)));
    }

    @Test
    @Order(3)
    void customerUnlinkedAtTheDeskIsRefusedOnEveryPod() {
        customerGet(customerPodA, "/api/v1/me");
        customerGet(customerPodB, "/api/v1/me");

        garage.sql("update customer set oidc_subject = null where id = ?", carl.id());

        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertEquals(403, customerStatus(customerPodA, "/api/v1/me"));
            assertEquals(403, customerStatus(customerPodB, "/api/v1/me"));
        });
    }

    @Test
    @Order(4)
    void eventCommittedWhileRedisIsDownIsDeliveredOnceItIsBack() {
        AppConnection app = connect(customerPodA, null);
        technicianMovesTheJob();
        app.awaitEvents(1);

        redis.stop();
        technicianMovesTheJob();
        assertEquals(1L, rows.count("select count(*) from job_event where job_id = ? and published_at is null",
                jobId), "the change is committed while its event waits for Redis");
        redis.start();

        assertEquals(List.of(1, 2), seqsOf(app.awaitEvents(2)));
        assertEquals(eventIds(), app.eventIds());
        assertEquals(0L, rows.count("select count(*) from job_event where job_id = ? and published_at is null",
                jobId));
    }

    @Test
    @Order(5)
    void clientOfAStoppingPodResumesOnTheOtherWithoutLosingAnything() {
        AppConnection onA = connect(customerPodA, null);
        CompletableFuture<Void> workshop = CompletableFuture.runAsync(
                () -> IntStream.range(0, 10).forEach(i -> technicianMovesTheJob()));
        onA.awaitEvents(3);

        customerPodA.stop();
        JsonObject reconnect = onA.await(m -> "reconnect".equals(m.getString("type")));
        assertEquals(1012, onA.awaitClosed());
        Long resumeFrom = reconnect.getLong("lastEventId");
        assertEquals(onA.eventIds().get(onA.eventIds().size() - 1), resumeFrom,
                "the hint names the last event the client got");

        AppConnection onB = connect(customerPodB, resumeFrom);
        workshop.join();
        List<Long> received = Stream.concat(onA.eventIds().stream(), onB.awaitEvents(10 - onA.events().size())
                .stream().map(m -> m.getLong("eventId"))).toList();
        assertEquals(eventIds(), received, "every event exactly once, in order, across the two pods");
        assertFalse(customerPodA.isAlive());
    }

    @Test
    @Order(6)
    void technicianChangeReachesTheCustomersNextSyncAndEvictsTheirCachedJob() {
        String cursor = fullSync(customerPodB);
        assertEquals("OPEN", customerGet(customerPodB, "/api/v1/jobs/" + jobId).getString("status"));
        assertEquals("OPEN", customerGet(customerPodB, "/api/v1/jobs/" + jobId).getString("status"),
                "the second read comes from the cache");

        technicianMovesTheJob();

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonObject page = customerGet(customerPodB, "/api/v1/sync?cursor=" + cursor);
            List<JsonObject> jobs = page.getJsonArray("upserts").stream().map(JsonObject.class::cast)
                    .filter(upsert -> jobId.toString().equals(upsert.getString("id"))).toList();
            assertEquals(1, jobs.size(), page.encode());
            assertEquals("IN_PROGRESS", jobs.get(0).getJsonObject("record").getString("status"));
        });
        assertEquals("IN_PROGRESS", customerGet(customerPodB, "/api/v1/jobs/" + jobId).getString("status"));
    }

    @Test
    @Order(7)
    void chatMessagesAndTypingCrossPodsBothWays() {
        Person alice = garage.advisor("Alice Morgan");
        UUID conversation = (UUID) rows.one("select id from chat_conversation where job_id = ?", jobId).get("id");
        String messages = "/api/v1/chat/conversations/" + conversation + "/messages/";
        AppConnection carlsApp = connect(customerPodB, null);
        AppConnection alicesApp = AppConnection.open(workshopPod, STAFF_TOKENS.of(alice), null);
        connections.add(alicesApp);

        UUID question = UUID.randomUUID();
        HttpResponse<String> asked = send(customerPodB, CUSTOMER_TOKENS.of(carl), null, messages + question,
                "{\"channel\": \"CUSTOMER\", \"text\": \"When will it be ready?\"}");
        assertEquals(201, asked.statusCode(), asked.body());
        JsonObject received = alicesApp.await(m -> "chat.message".equals(m.getString("event"))
                && question.toString().equals(m.getJsonObject("data").getString("messageId")));
        assertEquals("When will it be ready?", received.getJsonObject("data").getString("text"));

        alicesApp.send(new JsonObject().put("type", "typing").put("conversationId", conversation.toString())
                .put("channel", "CUSTOMER"));
        JsonObject typing = carlsApp.await(m -> "typing".equals(m.getString("type")));
        assertEquals(conversation.toString(), typing.getString("conversationId"));
        assertNull(typing.getString("personId"), "a customer's app never learns a staff member's id");

        UUID answer = UUID.randomUUID();
        HttpResponse<String> answered = send(workshopPod, STAFF_TOKENS.of(alice), alice, messages + answer,
                "{\"channel\": \"CUSTOMER\", \"text\": \"Around five.\"}");
        assertEquals(201, answered.statusCode(), answered.body());
        JsonObject reply = carlsApp.await(m -> "chat.message".equals(m.getString("event"))
                && answer.toString().equals(m.getJsonObject("data").getString("messageId")));
        assertEquals(2, reply.getJsonObject("data").getInteger("seq"));
    }

    /** Syncs Carl's app from scratch, page by page; the cursor to continue from. */
    private String fullSync(Pod pod) {
        JsonObject page = customerGet(pod, "/api/v1/sync");
        while (page.getBoolean("hasMore")) {
            page = customerGet(pod, "/api/v1/sync?cursor=" + page.getString("cursor"));
        }
        return page.getString("cursor");
    }

    private JsonObject customerGet(Pod pod, String path) {
        HttpResponse<String> response = customerRequest(pod, path);
        assertEquals(200, response.statusCode(), response.body());
        return new JsonObject(response.body());
    }

    private int customerStatus(Pod pod, String path) {
        return customerRequest(pod, path).statusCode();
    }

    private HttpResponse<String> customerRequest(Pod pod, String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(pod.http(path))
                    .header("Authorization", "Bearer " + CUSTOMER_TOKENS.of(carl)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private AppConnection connect(Pod pod, Long lastEventId) {
        AppConnection connection = AppConnection.open(pod, CUSTOMER_TOKENS.of(carl), lastEventId);
        connections.add(connection);
        return connection;
    }

    /** A PUT with a JSON body; staff (non-null) attest their device as the technician app does. */
    private HttpResponse<String> send(Pod pod, String token, Person staff, String path, String body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(pod.http(path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body));
            if (staff != null) {
                request.header("X-Device-Attestation", ATTESTATIONS.of(attestationNonce(staff)).sign());
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A nonce to attest a staff member's next change, as the technician app asks for it before each one. */
    private String attestationNonce(Person staff) throws java.io.IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(workshopPod.http("/api/v1/device-attestation/nonces"))
                .header("Authorization", "Bearer " + STAFF_TOKENS.of(staff))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return new JsonObject(response.body()).getString("nonce");
    }

    /** Tom toggles the job between in progress and waiting for parts, through the technician app's API. */
    private synchronized void technicianMovesTheJob() {
        String target = version % 2 == 0 ? STATUS_CYCLE_START : "AWAITING_PARTS";
        try {
            HttpRequest request = HttpRequest.newBuilder(workshopPod.http("/api/v1/jobs/" + jobId + "/status"))
                    .header("Authorization", "Bearer " + STAFF_TOKENS.of(tom))
                    .header("X-Device-Attestation", ATTESTATIONS.of(attestationNonce(tom)).sign())
                    .header("Content-Type", "application/json")
                    .header("If-Match", "\"" + version + "\"")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"status\": \"" + target + "\"}")).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        version++;
    }

    private List<Long> eventIds() {
        return rows.query("select id from job_event where job_id = ? order by seq", jobId).stream()
                .map(row -> ((Number) row.get("id")).longValue()).toList();
    }

    private static List<Integer> seqsOf(List<JsonObject> events) {
        return events.stream().map(m -> m.getInteger("seq")).toList();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value != null && !value.isBlank() ? value : fallback;
    }
}
