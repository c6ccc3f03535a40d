package com.garage.mobile.technician.media;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static com.garage.mobile.testing.TusClient.metadata;
import static com.garage.mobile.testing.TusClient.offset;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.media.ExpiredUploads;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.MovableClock;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import com.garage.mobile.testing.S3ProxyResource;
import com.garage.mobile.testing.TusClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.sql.DataSource;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** Photos and videos uploaded with tus through the technician app into a real S3-compatible store (s3proxy). */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(S3ProxyResource.class)
class MediaUploadTest {

    private static final int MB = 1024 * 1024;

    @Inject
    DataSource dataSource;

    @Inject
    S3Client s3;

    @Inject
    ExpiredUploads expiredUploads;

    Rows rows;
    MovableClock clock;
    GarageFixture garage;
    Person tom;
    Person tina;
    Person carl;
    UUID jobId;
    UUID stepId;
    TusClient client;

    @BeforeEach
    void jobInTheBay() {
        clock = new MovableClock();
        QuarkusMock.installMockForType(clock, GarageClock.class);
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        tom = garage.technician("Tom Reyes");
        tina = garage.technician("Tina Kowalski");
        carl = garage.customer("Carl", "Jensen");
        jobId = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).step("Check brakes").create();
        stepId = (UUID) rows.one("select id from job_step where job_id = ?", jobId).get("id");
        client = new TusClient(TOKENS, tom);
    }

    @Test
    void optionsAdvertiseTheProtocol() {
        given().auth().oauth2(TOKENS.of(tom)).options("/api/v1/uploads").then().statusCode(204)
                .header("Tus-Version", "1.0.0")
                .header("Tus-Extension", "creation,creation-with-upload,expiration,checksum,termination")
                .header("Tus-Checksum-Algorithm", "sha256,sha1")
                .header("Tus-Max-Size", String.valueOf(500L * MB));
    }

    @Test
    void interruptedUploadResumesFromTheOffsetHeadGives() throws Exception {
        byte[] video = MediaBytes.video(12 * MB + 123, 1);
        UUID id = UUID.randomUUID();
        Response created = client.create(metadata("job-step", stepId, "video", "video/mp4", id), video.length);
        assertEquals(201, created.statusCode(), created.asString());
        String location = created.header("Location");
        assertTrue(location.endsWith("/api/v1/uploads/" + id), location);
        assertEquals(0, offset(created));
        assertNotNull(created.header("Upload-Expires"));

        assertEquals(204, client.patch(location, 0, Arrays.copyOf(video, 3 * MB)).statusCode());
        // The connection drops 1 MB into a 4 MB chunk: what reached the server is kept, and HEAD says how much.
        sendCutShort(location, 3 * MB, Arrays.copyOfRange(video, 3 * MB, 4 * MB), 4 * MB);
        await().atMost(Duration.ofSeconds(20)).until(() -> rows.one("select lease_token from media_upload"
                + " where id = ?", id).get("lease_token") == null);
        Response head = client.head(location);
        assertEquals(200, head.statusCode());
        long resumeAt = offset(head);
        assertTrue(resumeAt >= 3L * MB && resumeAt <= 4L * MB, "offset " + resumeAt);
        assertEquals(String.valueOf(video.length), head.header("Upload-Length"));
        assertEquals("no-store", head.header("Cache-Control"));

        Response wrong = client.patch(location, 0, Arrays.copyOf(video, 10));
        assertEquals(409, wrong.statusCode());
        assertEquals("urn:garage:problem:upload-offset-mismatch", wrong.jsonPath().getString("type"));
        assertEquals(resumeAt, offset(client.head(location)));

        Response last = client.send(location, video, resumeAt, 5 * MB);
        assertEquals(204, last.statusCode(), last.asString());
        assertEquals(video.length, offset(last));

        Map<String, Object> media = stored(id);
        assertEquals("video/mp4", media.get("content_type"));
        assertEquals(HexFormat.of().formatHex(TusClient.digest("SHA-256", video)), media.get("sha256"));
        assertNull(media.get("thumbnail_key"));
        assertArrayEquals(video, download("/api/v1/media/" + id));
        assertEquals(1L, rows.count("select count(*) from job_event where job_id = ? and type = ?"
                + " and customer_visible", jobId, "job.customer-media-added"));
        assertEquals(1L, rows.count("select count(*) from audit_entry where resource_id = ? and action = ?",
                id.toString(), "media.upload-start"));
        assertEquals(1L, rows.count("select count(*) from audit_entry where resource_id = ? and action = ?",
                id.toString(), "media.store"));
        given().auth().oauth2(TOKENS.of(tom)).get("/api/v1/jobs/{id}/media", jobId).then().statusCode(200)
                .body("[0].id", org.hamcrest.Matchers.equalTo(id.toString()))
                .body("[0].href", org.hamcrest.Matchers.equalTo("/api/v1/media/" + id));
    }

    @Test
    void appKilledAndRestartedFromZeroStillCompletes() {
        byte[] video = MediaBytes.video(7 * MB, 2);
        UUID id = UUID.randomUUID();
        String metadata = metadata("job", jobId, "video", "video/mp4", id);
        String location = client.create(metadata, video.length).header("Location");
        assertEquals(204, client.patch(location, 0, Arrays.copyOf(video, 2 * MB)).statusCode());

        // The app forgot everything but the media id it chose: it creates again, and is sent where it stood.
        Response again = client.create(metadata, video.length);
        assertEquals(201, again.statusCode());
        assertEquals(location, again.header("Location"));
        assertEquals(2L * MB, offset(again));
        assertEquals(409, client.patch(location, 0, Arrays.copyOf(video, MB)).statusCode());
        assertEquals(204, client.send(location, video, offset(client.head(location)), 3 * MB).statusCode());
        stored(id);
        assertEquals(1L, rows.count("select count(*) from media where id = ?", id));
        // Internal: a job-level photo stays with staff.
        assertEquals(1L, rows.count("select count(*) from job_event where job_id = ? and type = ?"
                + " and not customer_visible", jobId, "job.media-added"));

        Response otherUpload = client.create(metadata("job", jobId, "video", "video/mp4", id), video.length + 1);
        assertEquals(422, otherUpload.statusCode());
    }

    @Test
    void corruptedChunkIsRefusedWith460AndTheOffsetStays() {
        byte[] video = MediaBytes.video(6 * MB, 3);
        String location = client.create(metadata("job", jobId, "video", "video/mp4", UUID.randomUUID()),
                video.length).header("Location");
        byte[] first = Arrays.copyOf(video, 2 * MB);
        byte[] corrupted = first.clone();
        corrupted[MB] ^= 0x55;

        Response refused = client.patch(location, 0, corrupted, TusClient.sha256(first));
        assertEquals(460, refused.statusCode());
        assertEquals("urn:garage:problem:checksum-mismatch", refused.jsonPath().getString("type"));
        assertEquals(0, offset(client.head(location)));

        assertEquals(204, client.patch(location, 0, first, TusClient.sha1(first)).statusCode());
        assertEquals(2L * MB, offset(client.head(location)));
        assertEquals(400, client.patch(location, 2L * MB, first, "md5 AAAA").statusCode());
        assertEquals(2L * MB, offset(client.head(location)));
    }

    @Test
    void sizeCapsHoldAtCreationAndWhileBytesArrive() {
        UUID id = UUID.randomUUID();
        Response tooBig = client.create(metadata("job", jobId, "photo", "image/jpeg", id), 25L * MB + 1);
        assertEquals(413, tooBig.statusCode());
        assertEquals(0L, rows.count("select count(*) from media where id = ?", id));

        String location = client.create(metadata("job", jobId, "photo", "image/jpeg", UUID.randomUUID()), MB)
                .header("Location");
        assertEquals(204, client.patch(location, 0, new byte[1000]).statusCode());
        Response past = client.patch(location, 1000, new byte[MB]);
        assertEquals(413, past.statusCode());
        assertEquals(1000, offset(client.head(location)));
    }

    @Test
    void creationWithUploadStoresTheFirstChunk() throws Exception {
        byte[] photo = MediaBytes.jpegWithGps();
        UUID id = UUID.randomUUID();
        Response created = client.createWith(metadata("job-step", stepId, "photo", "image/jpeg", id), photo.length,
                photo);
        assertEquals(201, created.statusCode(), created.asString());
        assertEquals(photo.length, offset(created));

        Map<String, Object> media = stored(id);
        byte[] stored = download("/api/v1/media/" + id);
        JpegImageMetadata exif = (JpegImageMetadata) Imaging.getMetadata(stored);
        assertTrue(exif == null || exif.getExif() == null || exif.getExif().getGpsInfo() == null,
                "the stored photo still says where it was taken");
        assertTrue(hasGps(photo), "the test photo had a position");
        assertEquals(HexFormat.of().formatHex(TusClient.digest("SHA-256", stored)), media.get("sha256"));
        var thumbnail = ImageIO.read(new ByteArrayInputStream(download("/api/v1/media/" + id + "/thumbnail")));
        assertEquals(320, Math.max(thumbnail.getWidth(), thumbnail.getHeight()));
    }

    @Test
    void aRenamedExecutableIsRefusedAndRemoved() {
        byte[] executable = MediaBytes.executable();
        UUID id = UUID.randomUUID();
        client.createWith(metadata("job", jobId, "photo", "image/jpeg", id), executable.length, executable);
        await().atMost(Duration.ofSeconds(20)).until(() -> "REJECTED".equals(status(id)));
        String key = (String) rows.one("select object_key from media where id = ?", id).get("object_key");
        assertThrows(NoSuchKeyException.class, () -> s3.headObject(r -> r.bucket(S3ProxyResource.BUCKET).key(key)));
        given().auth().oauth2(TOKENS.of(tom)).redirects().follow(false).get("/api/v1/media/{id}", id)
                .then().statusCode(404);
        assertEquals(1L, rows.count("select count(*) from audit_entry where resource_id = ? and action = ?"
                + " and outcome = 'REFUSED'", id.toString(), "media.reject"));
    }

    @Test
    void expiredUploadsAreRefusedAndSweptAway() {
        UUID id = UUID.randomUUID();
        String location = client.create(metadata("job", jobId, "video", "video/mp4", id), 8L * MB)
                .header("Location");
        assertEquals(204, client.patch(location, 0, MediaBytes.video(6 * MB, 4)).statusCode());
        String key = (String) rows.one("select object_key from media where id = ?", id).get("object_key");
        assertEquals(1, s3.listMultipartUploads(r -> r.bucket(S3ProxyResource.BUCKET).prefix(key)).uploads().size());

        clock.moveTo(clock.now().plus(Duration.ofHours(25)));
        assertEquals(410, client.head(location).statusCode());
        assertEquals(410, client.patch(location, 6L * MB, new byte[10]).statusCode());
        assertTrue(expiredUploads.sweep() >= 1);

        assertEquals(0L, rows.count("select count(*) from media where id = ?", id));
        assertEquals(0, s3.listMultipartUploads(r -> r.bucket(S3ProxyResource.BUCKET).prefix(key)).uploads().size());
        assertEquals(404, client.head(location).statusCode());
    }

    @Test
    void terminationDropsTheUpload() {
        UUID id = UUID.randomUUID();
        String location = client.create(metadata("job", jobId, "audio", "audio/mp4", id), 2L * MB)
                .header("Location");
        assertEquals(204, client.patch(location, 0, new byte[MB]).statusCode());
        assertEquals(403, new TusClient(TOKENS, tina).terminate(location).statusCode());
        assertEquals(204, client.terminate(location).statusCode());
        assertEquals(0L, rows.count("select count(*) from media where id = ?", id));
        assertEquals(404, client.head(location).statusCode());
        assertEquals(1L, rows.count("select count(*) from audit_entry where resource_id = ? and action = ?"
                + " and outcome = 'SUCCESS'", id.toString(), "media.upload-abandon"));
    }

    @Test
    void onlyTheJobsPeopleMayAttachMedia() {
        Response notOnTheJob = new TusClient(TOKENS, tina).create(metadata("job", jobId, "photo", "image/jpeg",
                UUID.randomUUID()), 100);
        assertEquals(403, notOnTheJob.statusCode());
        GarageFixture other = GarageFixture.create(dataSource);
        Person sam = other.customer("Sam", "Other");
        UUID otherJob = other.job(sam, other.vehicle(sam)).create();
        assertEquals(404, client.create(metadata("job", otherJob, "photo", "image/jpeg", UUID.randomUUID()), 100)
                .statusCode());
        Response badMetadata = client.create("kind " + "cGhvdG8=", 100);
        assertEquals(400, badMetadata.statusCode());
        assertTrue(badMetadata.jsonPath().getList("errors.field").contains("Upload-Metadata.targetId"));
        String location = client.create(metadata("job", jobId, "photo", "image/jpeg", UUID.randomUUID()), 100)
                .header("Location");
        assertEquals(403, new TusClient(TOKENS, tina).head(location).statusCode());
        assertEquals(403, new TusClient(TOKENS, tina).patch(location, 0, new byte[100]).statusCode());
        assertEquals(1L, rows.count("select count(*) from audit_entry where actor_subject = ? and action = ?"
                + " and outcome = 'REFUSED'", tina.subject(), "media.upload-start"));
    }

    @Test
    void deletingNeedsStepUpAndIsAudited() {
        UUID id = UUID.randomUUID();
        byte[] video = MediaBytes.video(MB, 5);
        client.createWith(metadata("job-step", stepId, "video", "video/mp4", id), video.length, video);
        stored(id);

        given().auth().oauth2(TOKENS.of(tom)).delete("/api/v1/jobs/{job}/media/{id}", jobId, id).then()
                .statusCode(401).body("type", org.hamcrest.Matchers.equalTo("urn:garage:problem:step-up-required"));
        assertNull(rows.one("select deleted_at from media where id = ?", id).get("deleted_at"));
        given().auth().oauth2(TOKENS.builder(tina).steppedUp().sign())
                .delete("/api/v1/jobs/{job}/media/{id}", jobId, id).then().statusCode(403);

        given().auth().oauth2(TOKENS.builder(tom).steppedUp().sign())
                .delete("/api/v1/jobs/{job}/media/{id}", jobId, id).then().statusCode(204);
        Map<String, Object> media = rows.one("select deleted_at, deleted_by from media where id = ?", id);
        assertNotNull(media.get("deleted_at"));
        assertEquals(tom.id(), media.get("deleted_by"));
        assertEquals(1L, rows.count("select count(*) from audit_entry where resource_id = ? and action = ?"
                + " and outcome = 'SUCCESS'", id.toString(), "media.delete"));
        assertEquals(1L, rows.count("select count(*) from outbound_work where kind = 'media-object-removal'"
                + " and dedupe_key = ?", "media:" + id + ":remove"));
        given().auth().oauth2(TOKENS.of(tom)).redirects().follow(false).get("/api/v1/media/{id}", id)
                .then().statusCode(404);
        given().auth().oauth2(TOKENS.builder(tom).steppedUp().sign())
                .delete("/api/v1/jobs/{job}/media/{id}", jobId, id).then().statusCode(404);
    }

    private Map<String, Object> stored(UUID id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !"UPLOADING".equals(status(id)));
        Map<String, Object> media = rows.one("select * from media where id = ?", id);
        assertEquals("STORED", media.get("status"));
        assertNotNull(media.get("stored_at"));
        return media;
    }

    private String status(UUID id) {
        return (String) rows.one("select status from media where id = ?", id).get("status");
    }

    private byte[] download(String path) throws Exception {
        Response redirect = given().auth().oauth2(TOKENS.of(tom)).redirects().follow(false).get(path);
        assertEquals(303, redirect.statusCode(), redirect.asString());
        HttpResponse<byte[]> object = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(redirect.header("Location"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, object.statusCode());
        return object.body();
    }

    private static boolean hasGps(byte[] photo) throws IOException {
        JpegImageMetadata exif = (JpegImageMetadata) Imaging.getMetadata(photo);
        return exif.getExif().getGpsInfo() != null;
    }

    /** A PATCH that promises {@code declared} bytes and sends fewer before the connection drops. */
    private void sendCutShort(String location, long offset, byte[] sent, int declared) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port); OutputStream out = socket.getOutputStream()) {
            String head = "PATCH " + URI.create(location).getPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + TOKENS.of(tom) + "\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: " + offset
                    + "\r\nContent-Type: application/offset+octet-stream\r\nContent-Length: " + declared + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(sent);
            out.flush();
        }
    }
}
