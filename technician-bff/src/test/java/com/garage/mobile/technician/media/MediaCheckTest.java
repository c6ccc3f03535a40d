package com.garage.mobile.technician.media;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static com.garage.mobile.testing.TusClient.metadata;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.outbox.OutboxDispatcher;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.MovableClock;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import com.garage.mobile.testing.S3ProxyResource;
import com.garage.mobile.testing.TusClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The check after an upload's last byte is outbound work: enqueued with the completion, retried
 * while the store is down (s3proxy stopped), done when it is back; after the last attempt a dead
 * letter and a media marked CHECK_FAILED, which a replay checks again. The test drives the outbox
 * (no scheduled passes) and moves the clock past the backoff.
 */
@QuarkusTest
@TestProfile(MediaCheckTest.TestDrivesTheOutbox.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(S3ProxyResource.class)
class MediaCheckTest {

    @Inject
    DataSource dataSource;

    @Inject
    OutboxDispatcher dispatcher;

    @Inject
    Vertx vertx;

    S3ProxyResource store;
    Rows rows;
    MovableClock clock;
    GarageFixture garage;
    Person tom;
    UUID jobId;
    TusClient client;

    /** Passes only when the test asks; three attempts. */
    public static class TestDrivesTheOutbox implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("garage.outbox.interval", "1h", "garage.outbox.max-attempts", "3");
        }
    }

    @BeforeEach
    void jobInTheBay() {
        clock = new MovableClock();
        QuarkusMock.installMockForType(clock, GarageClock.class);
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        tom = garage.technician("Tom Reyes");
        Person carl = garage.customer("Carl", "Jensen");
        jobId = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).create();
        client = new TusClient(TOKENS, tom);
    }

    @Test
    void aStoreOutageDelaysTheCheckUntilTheStoreIsBack() throws Exception {
        UUID id = uploadPhoto();
        Map<String, Object> check = check(id);
        assertEquals("PENDING", check.get("status"));
        assertEquals("UPLOADING", status(id));

        store.stopStore();
        try {
            pass();
        } finally {
            store.startStore();
        }
        check = check(id);
        assertEquals("PENDING", check.get("status"));
        assertEquals(1, check.get("attempts"));
        assertNotNull(check.get("last_error"));
        assertEquals("UPLOADING", status(id));

        clock.moveTo(clock.now().plus(Duration.ofMinutes(1)));
        pass();
        assertEquals("DELIVERED", check(id).get("status"));
        Map<String, Object> media = rows.one("select status, sha256, thumbnail_key from media where id = ?", id);
        assertEquals("STORED", media.get("status"));
        assertNotNull(media.get("sha256"));
        assertNotNull(media.get("thumbnail_key"));
    }

    @Test
    void aCheckFailingEveryAttemptIsADeadLetterAndTheMediaSaysSo() throws Exception {
        UUID id = uploadPhoto();
        store.stopStore();
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                pass();
                clock.moveTo(clock.now().plus(Duration.ofHours(1)));
            }
        } finally {
            store.startStore();
        }
        assertEquals("DEAD", check(id).get("status"));
        assertEquals("CHECK_FAILED", status(id));
        assertEquals(1L, rows.count("select count(*) from audit_entry where resource_id = ? and action = ?"
                + " and outcome = 'FAILED'", id.toString(), "media.check-fail"));
        given().auth().oauth2(TOKENS.of(tom)).redirects().follow(false).get("/api/v1/media/{id}", id)
                .then().statusCode(404);

        Person admin = garage.admin("Ada Admin");
        Object letter = rows.one("select l.id from outbound_dead_letter l join outbound_work w on w.id = l.work_id"
                + " where w.dedupe_key = ?", "media:" + id + ":check").get("id");
        given().auth().oauth2(TOKENS.of(admin)).post("/api/v1/admin/outbox/dead-letters/" + letter + "/replay")
                .then().statusCode(200);
        pass();
        assertEquals("DELIVERED", check(id).get("status"));
        assertEquals("STORED", status(id));
    }

    @Test
    void severalChecksInOnePassEachStoreTheirMedia() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int upload = 0; upload < 8; upload++) {
            ids.add(uploadPhoto());
        }
        passOnAContextOfItsOwn();
        for (UUID id : ids) {
            Map<String, Object> check = check(id);
            assertEquals("DELIVERED", check.get("status"), "check of " + id + ": " + check.get("last_error"));
            assertNull(check.get("last_error"));
            assertEquals("STORED", status(id));
        }
    }

    private UUID uploadPhoto() throws Exception {
        byte[] photo = MediaBytes.jpegWithGps();
        UUID id = UUID.randomUUID();
        assertEquals(201, client.createWith(metadata("job", jobId, "photo", "image/jpeg", id), photo.length, photo)
                .statusCode());
        assertEquals(1L, rows.count("select count(*) from media_upload where id = ? and status = 'COMPLETE'", id));
        return id;
    }

    private void pass() {
        dispatcher.pass().await().atMost(Duration.ofSeconds(60));
    }

    /** As the scheduler starts a pass: on a duplicated context of its own. */
    private void passOnAContextOfItsOwn() throws Exception {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        CompletableFuture<Integer> done = new CompletableFuture<>();
        context.runOnContext(ignored -> dispatcher.pass().subscribe().with(done::complete, done::completeExceptionally));
        done.get(60, TimeUnit.SECONDS);
    }

    private Map<String, Object> check(UUID id) {
        return rows.one("select status, attempts, last_error from outbound_work where kind = 'media-check'"
                + " and dedupe_key = ?", "media:" + id + ":check");
    }

    private String status(UUID id) {
        return (String) rows.one("select status from media where id = ?", id).get("status");
    }
}
