package com.garage.mobile.technician.security;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Security headers, body size limits and strict JSON on the technician API. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class HardeningTest {

    @Inject
    DataSource dataSource;

    @Inject
    Vertx vertx;

    Rows rows;
    Person tom;
    UUID jobId;

    @BeforeEach
    void createJob() {
        rows = new Rows(dataSource);
        GarageFixture garage = GarageFixture.create(dataSource);
        tom = garage.technician("Tom Reyes");
        Person carl = garage.customer("Carl", "Jensen");
        jobId = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).create();
    }

    @Test
    void apiResponsesCarrySecurityHeadersAndAreNeverCached() {
        given().auth().oauth2(TOKENS.of(tom)).when().get("/api/v1/jobs/" + jobId)
                .then().statusCode(200)
                .header("Strict-Transport-Security", containsString("max-age="))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("Cache-Control", equalTo("no-store"));
        given().when().get("/api/v1/me")
                .then().statusCode(401)
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void oversizedBodyIsRefusedAsAProblem() {
        String huge = "{\"status\": \"IN_PROGRESS\", \"baseVersion\": 0, \"pad\": \"" + "x".repeat(1_100_000) + "\"}";
        given().auth().oauth2(TOKENS.of(tom)).contentType(ContentType.JSON).body(huge)
                .when().post(statusPath())
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:garage:problem:payload-too-large"));
        assertUnchanged();
    }

    @Test
    void oversizedBodyOfUndeclaredLengthIsRefusedAsItIsRead() throws Exception {
        byte[] huge = ("{\"status\": \"" + "x".repeat(1_100_000) + "\", \"baseVersion\": 0}")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = sendChunked(huge, false);
        assertEquals(413, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("urn:garage:problem:payload-too-large"), response.body());
        assertUnchanged();
    }

    @Test
    void bodyOfUndeclaredLengthWithinTheLimitIsTaken() throws Exception {
        byte[] change = "{\"status\": \"IN_PROGRESS\", \"baseVersion\": 0}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> streamed = sendChunked(change, false);
        assertEquals(200, streamed.statusCode(), streamed.body());
        assertEquals("IN_PROGRESS", rows.one("select status from job_card where id = ?", jobId).get("status"));

        HttpResponse<String> again = sendChunked(change, true);
        assertEquals(409, again.statusCode(), "read in full after 100 Continue, and stale now: " + again.body());
        assertEquals(1L, rows.count("select count(*) from job_event where job_id = ?", jobId));
    }

    @Test
    void overHttp2AnOversizedBodyIsRefusedAsAProblemToo() throws Exception {
        byte[] huge = ("{\"status\": \"" + "x".repeat(1_100_000) + "\", \"baseVersion\": 0}")
                .getBytes(StandardCharsets.UTF_8);
        for (boolean declared : new boolean[] {true, false}) {
            String refused = sendOverHttp2(huge, declared);
            assertTrue(refused.startsWith("HTTP_2 413 {"), (declared ? "declared: " : "undeclared: ") + refused);
            assertTrue(refused.contains("urn:garage:problem:payload-too-large"), refused);
        }
        assertUnchanged();

        String taken = sendOverHttp2("{\"status\": \"IN_PROGRESS\", \"baseVersion\": 0}"
                .getBytes(StandardCharsets.UTF_8), false);
        assertTrue(taken.startsWith("HTTP_2 200 {"), taken);
        assertEquals("IN_PROGRESS", rows.one("select status from job_card where id = ?", jobId).get("status"));
    }

    @Test
    void duplicateFieldsAreRefused() {
        given().auth().oauth2(TOKENS.of(tom)).contentType(ContentType.JSON)
                .body("{\"status\": \"CANCELLED\", \"status\": \"IN_PROGRESS\", \"baseVersion\": 0}")
                .when().post(statusPath())
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", containsString("more than once"));
        assertUnchanged();
    }

    @Test
    void illTypedValuesAreRefusedNotCoerced() {
        for (String body : new String[] {
            "{\"status\": \"IN_PROGRESS\", \"baseVersion\": \"0\"}",
            "{\"status\": \"IN_PROGRESS\", \"baseVersion\": 0.5}",
            "{\"status\": \"IN_PROGRESS\", \"baseVersion\": true}",
            "{\"status\": 1, \"baseVersion\": 0}",
            "{\"status\": null, \"baseVersion\": 0}",
        }) {
            given().auth().oauth2(TOKENS.of(tom)).contentType(ContentType.JSON).body(body)
                    .when().post(statusPath())
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:garage:problem:validation"))
                    .body("errors[0].field", org.hamcrest.Matchers.anyOf(equalTo("status"), equalTo("baseVersion")));
        }
        assertUnchanged();
    }

    @Test
    void trailingContentAfterTheJsonIsRefused() {
        given().auth().oauth2(TOKENS.of(tom)).contentType(ContentType.JSON)
                .body("{\"status\": \"IN_PROGRESS\", \"baseVersion\": 0} {\"status\": \"CANCELLED\"}")
                .when().post(statusPath())
                .then().statusCode(400)
                .body("type", equalTo("urn:garage:problem:malformed-body"))
                .body("errors", nullValue());
        assertUnchanged();
    }

    /**
     * Sends the body over cleartext HTTP/2 (prior knowledge), with its length declared or in two frames without
     * one, and answers the protocol, status and body of the response.
     */
    private String sendOverHttp2(byte[] body, boolean declared) throws Exception {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
                .setHttp2ClearTextUpgrade(false));
        int half = body.length / 2;
        try {
            return client.request(HttpMethod.POST, RestAssured.port, "localhost", statusPath())
                    .compose(request -> {
                        request.putHeader("Authorization", "Bearer " + TOKENS.of(tom))
                                .putHeader("Content-Type", "application/json");
                        if (declared) {
                            request.putHeader("Content-Length", String.valueOf(body.length)).end(Buffer.buffer(body));
                        } else {
                            // The client's way of saying "no length"; over HTTP/2 it sends frames, not chunks.
                            request.setChunked(true).write(Buffer.buffer(Arrays.copyOfRange(body, 0, half)));
                            request.end(Buffer.buffer(Arrays.copyOfRange(body, half, body.length)));
                        }
                        return request.response();
                    })
                    .compose(response -> response.body().map(answer -> response.version() + " "
                            + response.statusCode() + " " + answer))
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } finally {
            client.close();
        }
    }

    /** Sends the body chunked, without a declared length, as a client streaming it does. */
    private HttpResponse<String> sendChunked(byte[] body, boolean expectContinue) throws Exception {
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                        + statusPath()))
                .header("Authorization", "Bearer " + TOKENS.of(tom))
                .header("Content-Type", "application/json")
                .expectContinue(expectContinue)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        return java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                .send(chunked, HttpResponse.BodyHandlers.ofString());
    }

    private String statusPath() {
        return "/api/v1/jobs/" + jobId + "/status";
    }

    private void assertUnchanged() {
        assertEquals("OPEN", rows.one("select status from job_card where id = ?", jobId).get("status"));
        assertEquals(0L, rows.count("select count(*) from job_event where job_id = ?", jobId));
    }
}
