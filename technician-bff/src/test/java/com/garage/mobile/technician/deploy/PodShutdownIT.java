package com.garage.mobile.technician.deploy;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.PackagedApp;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import com.garage.mobile.testing.TestAttestations;
import com.garage.mobile.testing.TestSettings;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a pod does when Kubernetes stops it: the packaged application gets SIGTERM while a technician's status change
 * is still running (held back by a row lock that the test owns).
 */
class PodShutdownIT {

    /** 128 + 15: how a process that SIGTERM ended reports it, which Kubernetes counts as a normal stop. */
    private static final int SIGTERM_EXIT_STATUS = 143;
    private static final OidcWiremockTestResource OIDC = new OidcWiremockTestResource();
    private static final TestAttestations ATTESTATIONS = new TestAttestations("technician-bff", "com.garage.technician");
    private static Map<String, String> environment;

    private final DataSource dataSource = TestSettings.dataSource();
    private final Rows rows = new Rows(dataSource);

    @BeforeAll
    static void startOidc() {
        environment = TestSettings.productionEnvironment(OIDC.start().get("keycloak.url") + "/realms/quarkus/");
    }

    @AfterAll
    static void stopOidc() {
        OIDC.stop();
    }

    @Test
    void readinessFailsFirstThenTheInFlightChangeCompletesThenThePodExits() throws Exception {
        GarageFixture garage = GarageFixture.create(dataSource);
        Person tom = garage.technician("Tom Reyes");
        Person carl = garage.customer("Carl", "Jensen");
        UUID jobId = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).create();

        try (PackagedApp pod = PackagedApp.start("pod-shutdown", environment);
                Connection lock = dataSource.getConnection()) {
            pod.awaitReady(Duration.ofSeconds(90));
            holdRowLock(lock, jobId);
            CompletableFuture<HttpResponse<String>> inFlight = startJob(pod, tom, jobId);
            await().atMost(Duration.ofSeconds(10)).until(this::waitsForTheLock);

            pod.terminate();
            await().atMost(Duration.ofSeconds(3)).until(() -> pod.status("/q/health/ready") == 503);
            given().when().get(pod.uri("/q/health/live")).then()
                    .statusCode(200).header("Connection", "close"); // still serving, but sending clients elsewhere
            await().atMost(Duration.ofSeconds(20)).until(() -> pod.output().contains("Waiting for HTTP requests"));
            assertTrue(pod.isAlive(), "waits for the in-flight request");
            assertFalse(inFlight.isDone());

            lock.rollback();
            HttpResponse<String> response = inFlight.get(10, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode(), response.body());
            assertThat(response.body(), containsString("\"status\":\"IN_PROGRESS\""));
            assertEquals(SIGTERM_EXIT_STATUS, pod.awaitExit(Duration.ofSeconds(30)), pod.output());
            assertThat(pod.output(), containsString("All HTTP requests complete"));
        }
        Map<String, Object> job = rows.one("select status, version from job_card where id = ?", jobId);
        assertEquals("IN_PROGRESS", job.get("status"));
        assertEquals(1L, job.get("version"));
        assertEquals(1L, rows.count("select count(*) from job_event where job_id = ?", jobId));
    }

    @Test
    void aPodThatHeldALiveSocketStopsOnceItsRequestsAreDoneNotAfterItsTimeout() throws Exception {
        Person tom = GarageFixture.create(dataSource).technician("Tom Reyes");
        try (PackagedApp pod = PackagedApp.start("pod-shutdown-live", environment)) {
            pod.awaitReady(Duration.ofSeconds(90));
            CompletableFuture<Integer> closed = new CompletableFuture<>();
            CompletableFuture<Void> caughtUp = new CompletableFuture<>();
            HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer " + TOKENS.of(tom))
                    .buildAsync(URI.create("ws://127.0.0.1:" + pod.port + "/ws/v1/live"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket socket, CharSequence text, boolean last) {
                            if (text.toString().contains("caught-up")) {
                                caughtUp.complete(null);
                            }
                            socket.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
                            closed.complete(status);
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS);
            caughtUp.get(10, TimeUnit.SECONDS);

            pod.terminate();
            assertEquals(1012, closed.get(10, TimeUnit.SECONDS), "told to reconnect to another pod");
            // The shutdown delay (10 s) and nothing of the timeout (30 s) after it: no request is left.
            assertEquals(SIGTERM_EXIT_STATUS, pod.awaitExit(Duration.ofSeconds(20)), pod.output());
            assertThat(pod.output(), not(containsString("Timed out waiting for graceful shutdown")));
        }
    }

    private static void holdRowLock(Connection connection, UUID jobId) throws Exception {
        connection.setAutoCommit(false);
        try (PreparedStatement lock = connection.prepareStatement("select 1 from job_card where id = ? for update")) {
            lock.setObject(1, jobId);
            lock.executeQuery().close();
        }
    }

    private boolean waitsForTheLock() {
        return rows.count("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                + " and datname = current_database() and query like '%job_card%'") > 0;
    }

    private static CompletableFuture<HttpResponse<String>> startJob(PackagedApp pod, Person technician, UUID jobId) {
        String nonce = given().auth().oauth2(TOKENS.of(technician))
                .when().post(pod.uri("/api/v1/device-attestation/nonces"))
                .then().statusCode(200).extract().path("nonce");
        HttpRequest request = HttpRequest.newBuilder(pod.uri("/api/v1/jobs/" + jobId + "/status"))
                .header("Authorization", "Bearer " + TOKENS.of(technician))
                .header("X-Device-Attestation", ATTESTATIONS.of(nonce).sign())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"IN_PROGRESS\",\"baseVersion\":0}"))
                .build();
        return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }
}
