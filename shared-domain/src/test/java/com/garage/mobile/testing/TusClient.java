package com.garage.mobile.testing;

import static io.restassured.RestAssured.given;

import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/** A tus client as an app would be, acting as one person. */
public final class TusClient {

    public static final String CHUNK = "application/offset+octet-stream";
    private static final RestAssuredConfig RAW = RestAssuredConfig.config().encoderConfig(
            EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    private final TestTokens tokens;
    private final Person person;

    public TusClient(TestTokens tokens, Person person) {
        this.tokens = tokens;
        this.person = person;
    }

    public static String metadata(String targetType, UUID targetId, String kind, String contentType, UUID clientMediaId) {
        return "targetType " + b64(targetType) + ",targetId " + b64(targetId.toString()) + ",kind " + b64(kind)
                + ",contentType " + b64(contentType) + ",clientMediaId " + b64(clientMediaId.toString())
                + ",filename " + b64("bay-" + kind + ".bin");
    }

    public Response create(String metadata, long length) {
        return request().header("Upload-Length", length).header("Upload-Metadata", metadata).post("/api/v1/uploads");
    }

    public Response createWith(String metadata, long length, byte[] first) {
        return request().header("Upload-Length", length).header("Upload-Metadata", metadata).contentType(CHUNK)
                .body(first).post("/api/v1/uploads");
    }

    public Response head(String location) {
        return request().head(location);
    }

    public Response patch(String location, long offset, byte[] bytes) {
        return request().header("Upload-Offset", offset).contentType(CHUNK).body(bytes).patch(location);
    }

    public Response patch(String location, long offset, byte[] bytes, String checksum) {
        return request().header("Upload-Offset", offset).header("Upload-Checksum", checksum).contentType(CHUNK)
                .body(bytes).patch(location);
    }

    public Response terminate(String location) {
        return request().delete(location);
    }

    /** Sends the bytes from the offset in chunks of the given size; answers the last answer. */
    public Response send(String location, byte[] bytes, long from, int chunk) {
        Response last = null;
        for (long offset = from; offset < bytes.length; offset += chunk) {
            byte[] part = Arrays.copyOfRange(bytes, (int) offset, (int) Math.min(bytes.length, offset + chunk));
            last = patch(location, offset, part);
            if (last.statusCode() != 204) {
                return last;
            }
        }
        return last;
    }

    public static long offset(Response response) {
        return Long.parseLong(response.header("Upload-Offset"));
    }

    public static String sha256(byte[] bytes) {
        return "sha256 " + Base64.getEncoder().encodeToString(digest("SHA-256", bytes));
    }

    public static String sha1(byte[] bytes) {
        return "sha1 " + Base64.getEncoder().encodeToString(digest("SHA-1", bytes));
    }

    public static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private RequestSpecification request() {
        return given().config(RAW).auth().oauth2(tokens.of(person)).header("Tus-Resumable", "1.0.0")
                .redirects().follow(false);
    }

    private static String b64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
