package com.garage.mobile.technician.outbox;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.platform.notification.dispatch.PushNotificationHandler;
import com.garage.mobile.technician.notifications.PushProviderStubs;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.PlanCacheMisses;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

/** An admin pages through the garage's dead letters, newest first, of every kind or of one. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PushProviderStubs.class)
class DeadLetterPagesTest {

    private static final String NOTIFICATION = PushNotificationHandler.KIND;

    @Inject
    DataSource dataSource;

    @Inject
    Mutiny.SessionFactory sessions;

    GarageFixture garage;

    @Test
    void pagesFollowTheirCursorNewestFirstAndTiesByIdWithoutRepeatingOrSkipping() {
        garage = GarageFixture.create(dataSource);
        Person admin = garage.admin("Ada");
        Instant hourAgo = Instant.now().truncatedTo(ChronoUnit.MICROS).minus(Duration.ofHours(1));
        UUID oldest = deadLetter(NOTIFICATION, hourAgo.minus(Duration.ofMinutes(5)));
        // PostgreSQL orders uuids as their text does.
        List<UUID> tie = Stream.of(UUID.randomUUID(), UUID.randomUUID()).sorted(Comparator.comparing(UUID::toString))
                .toList();
        UUID tieLow = deadLetter(ScriptedHandler.KIND, hourAgo, tie.get(0));
        UUID tieHigh = deadLetter(NOTIFICATION, hourAgo, tie.get(1));
        UUID newest = deadLetter(NOTIFICATION, hourAgo.plus(Duration.ofMinutes(5)));

        String next = given().auth().oauth2(TOKENS.of(admin)).queryParam("limit", 2)
                .when().get("/api/v1/admin/outbox/dead-letters")
                .then().statusCode(200)
                .body("items.id", equalTo(ids(newest, tieHigh))).body("hasMore", equalTo(true))
                .extract().path("nextCursor");
        given().auth().oauth2(TOKENS.of(admin)).queryParam("limit", 2).queryParam("after", next)
                .when().get("/api/v1/admin/outbox/dead-letters")
                .then().statusCode(200)
                .body("items.id", equalTo(ids(tieLow, oldest))).body("hasMore", equalTo(false))
                .body("items[0].summary.subject", notNullValue())
                .body("items[1].summary.title", equalTo("Your car is ready"))
                .body("nextCursor", nullValue());

        next = given().auth().oauth2(TOKENS.of(admin)).queryParam("limit", 2)
                .when().get("/api/v1/admin/notifications/dead-letters")
                .then().statusCode(200)
                .body("items.id", equalTo(ids(newest, tieHigh)))
                .extract().path("nextCursor");
        given().auth().oauth2(TOKENS.of(admin)).queryParam("limit", 2).queryParam("after", next)
                .when().get("/api/v1/admin/notifications/dead-letters")
                .then().statusCode(200)
                .body("items.id", equalTo(ids(oldest))).body("hasMore", equalTo(false));
    }

    /** Once warm, a view makes no query plan of its own (a native select would make one every time). */
    @Test
    void viewsRunFromKeptQueryPlans() {
        garage = GarageFixture.create(dataSource);
        Person admin = garage.admin("Ada");
        deadLetter(NOTIFICATION, Instant.now().minus(Duration.ofHours(1)));
        list(admin);
        int views = 5;
        long made = PlanCacheMisses.during(sessions, () -> {
            for (int i = 0; i < views; i++) {
                list(admin);
            }
        });
        assertTrue(made < views, made + " plans made for " + views + " views");
    }

    private static void list(Person admin) {
        given().auth().oauth2(TOKENS.of(admin)).when().get("/api/v1/admin/outbox/dead-letters")
                .then().statusCode(200).body("items.size()", equalTo(1));
    }

    private UUID deadLetter(String kind, Instant deadAt) {
        return deadLetter(kind, deadAt, UUID.randomUUID());
    }

    private UUID deadLetter(String kind, Instant deadAt, UUID id) {
        String key = kind + "-" + UUID.randomUUID();
        garage.sql("insert into outbound_work (kind, garage_id, dedupe_key, payload, status, ttl_seconds, expires_at,"
                + " next_attempt_at, created_at, done_at) values (?, ?, ?, ?::jsonb, 'DEAD', 86400, ?, ?, ?, ?)",
                kind, garage.garageId, key, payload(kind, key), deadAt.plus(Duration.ofDays(1)), deadAt, deadAt,
                deadAt);
        garage.sql("insert into outbound_dead_letter (id, garage_id, work_id, kind, reason, attempts, dead_at)"
                + " select ?, garage_id, id, kind, 'provider answered 500', 10, ? from outbound_work"
                + " where dedupe_key = ?", id, deadAt, key);
        return id;
    }

    private static String payload(String kind, String key) {
        return (NOTIFICATION.equals(kind) ? new JsonObject().put("category", "JOB_STATUS").put("platform", "ANDROID")
                .put("personId", UUID.randomUUID().toString()).put("title", "Your car is ready")
                : new JsonObject().put("subject", key)).encode();
    }

    private static List<String> ids(UUID... ids) {
        return List.of(ids).stream().map(UUID::toString).toList();
    }
}
