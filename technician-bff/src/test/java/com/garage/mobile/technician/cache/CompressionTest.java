package com.garage.mobile.technician.cache;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** JSON and problem+json are gzipped for clients that accept it, plain for those that do not. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class CompressionTest {

    // The JDK client, unlike rest-assured's, neither asks for compression nor hides it.
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    DataSource dataSource;
    @TestHTTPResource("/")
    URI base;

    Person tom;

    @BeforeEach
    void createBoard() {
        GarageFixture garage = GarageFixture.create(dataSource);
        tom = garage.technician("Tom Reyes");
        Person carl = garage.customer("Carl", "Jensen");
        garage.job(carl, garage.vehicle(carl)).assignedTo(tom).step("Inspect").create();
    }

    @Test
    void jsonIsGzippedWhenTheClientAcceptsIt() throws Exception {
        HttpResponse<byte[]> answer = get("api/v1/jobs/board", true);

        assertEquals(200, answer.statusCode());
        assertEquals("gzip", answer.headers().firstValue("Content-Encoding").orElse(""));
        JsonObject board = new JsonObject(gunzip(answer.body()));
        assertEquals(1, board.getJsonArray("items").size());
    }

    @Test
    void jsonIsPlainWhenTheClientDoesNotAcceptCompression() throws Exception {
        HttpResponse<byte[]> answer = get("api/v1/jobs/board", false);

        assertEquals(200, answer.statusCode());
        assertFalse(answer.headers().firstValue("Content-Encoding").isPresent());
        assertEquals(1, new JsonObject(new String(answer.body(), StandardCharsets.UTF_8))
                .getJsonArray("items").size());
    }

    @Test
    void problemsAreGzippedToo() throws Exception {
        HttpResponse<byte[]> answer = get("api/v1/jobs/" + UUID.randomUUID(), true);

        assertEquals(404, answer.statusCode());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals("gzip", answer.headers().firstValue("Content-Encoding").orElse(""));
        assertEquals("urn:garage:problem:not-found", new JsonObject(gunzip(answer.body())).getString("type"));
    }

    @Test
    void payloadsLeaveOutNullsInsteadOfSendingThem() throws Exception {
        String board = new String(get("api/v1/jobs/board", false).body(), StandardCharsets.UTF_8);

        // The job has no promised time and the board has no next page: both are absent, not null.
        assertFalse(board.contains("null"), board);
        assertFalse(board.contains("promisedAt"), board);
        assertFalse(board.contains("nextCursor"), board);
    }

    private HttpResponse<byte[]> get(String path, boolean gzip) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + TOKENS.of(tom));
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
