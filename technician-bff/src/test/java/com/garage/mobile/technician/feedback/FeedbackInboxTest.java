package com.garage.mobile.technician.feedback;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static com.garage.mobile.testing.TusClient.metadata;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.technician.notifications.PushFixture;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import com.garage.mobile.testing.S3ProxyResource;
import com.garage.mobile.testing.TestPhotos;
import com.garage.mobile.testing.TusClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Feedback into the garage's inbox from the technician app, and the admins working through it. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(S3ProxyResource.class)
class FeedbackInboxTest {

    private static final String FEEDBACK = "feedback";

    @Inject
    DataSource dataSource;

    GarageFixture garage;
    Rows rows;
    Person ada;
    Person tom;

    @BeforeEach
    void aGarageWithAnAdminAndATechnician() {
        garage = GarageFixture.create(dataSource);
        rows = new Rows(dataSource);
        ada = garage.admin("Ada Admin");
        tom = garage.technician("Tom Reyes");
    }

    @Test
    void feedbackIsStoredOnceWithTheScreenAndBuildAndAResendAnswersWhatWasStored() {
        UUID id = UUID.randomUUID();
        send(tom, id, "BUG", "The clock button hides behind the keyboard", "job-card").statusCode(201)
                .body("id", equalTo(id.toString())).body("status", equalTo("NEW")).body("version", equalTo(1))
                .body("appPlatform", equalTo("android")).body("appVersion", equalTo("3.2.0"));
        Map<String, Object> stored = rows.one("select person_id, person_role, category, body, screen, app_version, status"
                + " from feedback where id = ?", id);
        assertEquals(tom.id(), stored.get("person_id"));
        assertEquals("technician", stored.get("person_role"));
        assertEquals("The clock button hides behind the keyboard", stored.get("body"));
        assertEquals("job-card", stored.get("screen"));

        send(tom, id, "BUG", "The clock button hides behind the keyboard", "job-card").statusCode(200)
                .body("id", equalTo(id.toString()));
        send(tom, id, "IDEA", "Something else", "job-card").statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:garage:problem:feedback-id-reused"));
        send(garage.technician("Tina Kowalski"), id, "BUG", "The clock button hides behind the keyboard", "job-card")
                .statusCode(409);
        assertEquals(1L, rows.count("select count(*) from feedback where id = ?", id));
        assertEquals("BUG", rows.one("select category from feedback where id = ?", id).get("category"));
        assertEquals(1L, rows.count("select count(*) from audit_entry where action = 'feedback.send' and resource_id = ?"
                + " and detail::text not like '%keyboard%'", id.toString()));
    }

    @Test
    void theReporterAttachesUpToThreeScreenshotsTheAdminsSeeAndNobodyElseAttachesAny() {
        UUID id = UUID.randomUUID();
        send(tom, id, "BUG", "The photo button does nothing on the job card", "job-card").statusCode(201)
                .body("screenshots", empty());
        byte[] screenshot = TestPhotos.jpeg(390, 844);
        UUID first = UUID.randomUUID();
        assertEquals(201, new TusClient(TOKENS, tom).createWith(metadata(FEEDBACK, id, "photo", "image/jpeg", first),
                screenshot.length, screenshot).statusCode());
        await().atMost(Duration.ofSeconds(60)).until(() -> "STORED".equals(rows.one("select status from media"
                + " where id = ?", first).get("status")));
        assertEquals(null, rows.one("select job_id from media where id = ?", first).get("job_id"), "no job's");

        inbox(ada, Map.of("q", "photo button")).statusCode(200)
                .body("find { it.id == '" + id + "' }.screenshots", contains(first.toString()));
        given().auth().oauth2(TOKENS.of(ada)).get("/api/v1/media/{id}/links", first).then().statusCode(200);

        Person tina = garage.technician("Tina Kowalski");
        assertEquals(404, new TusClient(TOKENS, tina).create(metadata(FEEDBACK, id, "photo", "image/jpeg",
                UUID.randomUUID()), screenshot.length).statusCode(), "another's feedback is not found");
        assertEquals(404, new TusClient(TOKENS, tom).create(metadata(FEEDBACK, UUID.randomUUID(), "photo",
                "image/jpeg", UUID.randomUUID()), screenshot.length).statusCode(), "nor feedback never sent");
        for (int more = 0; more < 2; more++) {
            assertEquals(201, new TusClient(TOKENS, tom).create(metadata(FEEDBACK, id, "photo", "image/jpeg",
                    UUID.randomUUID()), screenshot.length).statusCode());
        }
        new TusClient(TOKENS, tom).create(metadata(FEEDBACK, id, "photo", "image/jpeg", UUID.randomUUID()),
                screenshot.length).then().statusCode(409).contentType("application/problem+json");
        assertEquals(3L, rows.count("select count(*) from media where target_type = ? and target_id = ?", FEEDBACK, id),
                "three at most, none of another's");
    }

    @Test
    void badFeedbackIsRefusedFieldByFieldAndNothingIsStored() {
        UUID id = UUID.randomUUID();
        send(tom, id, "COMPLAINT", "text", null).statusCode(400).contentType("application/problem+json");
        send(tom, id, "BUG", "   ", null).statusCode(400).body("errors[0].field", equalTo("text"));
        send(tom, id, "BUG", "x".repeat(4001), null).statusCode(400).body("errors[0].field", equalTo("text"));
        send(tom, id, "BUG", "ok", "s".repeat(201)).statusCode(400).body("errors[0].field", equalTo("screen"));
        given().auth().oauth2(TOKENS.of(tom)).contentType(ContentType.JSON)
                .body(Map.of("category", "BUG", "text", "no id")).when().post("/api/v1/feedback").then()
                .statusCode(400).body("errors[0].field", equalTo("id"));
        given().auth().oauth2(TOKENS.of(tom)).contentType(ContentType.JSON).header("X-App-Version", "three")
                .body(Map.of("id", id.toString(), "category", "BUG", "text", "bad header")).when()
                .post("/api/v1/feedback").then().statusCode(400).body("errors[0].field", equalTo("X-App-Version"));
        given().contentType(ContentType.JSON).body(Map.of("id", id.toString(), "category", "BUG", "text", "anonymous"))
                .when().post("/api/v1/feedback").then().statusCode(401);
        assertEquals(0L, rows.count("select count(*) from feedback where garage_id = ?", garage.garageId));
    }

    @Test
    void adminsSearchTheirGaragesInboxAndMoveItOnAndTheReporterReadsTheNoteAndIsPushed() {
        PushFixture push = new PushFixture(garage);
        push.consent(tom, "CHAT", true);
        UUID tomsPhone = push.android(tom, PushFixture.fcmToken());
        UUID bug = UUID.randomUUID();
        send(tom, bug, "BUG", "Photos upload twice on a weak signal", "inspection").statusCode(201);
        UUID customers = UUID.randomUUID();
        Person carl = garage.customer("Carl", "Jensen");
        garage.sql("insert into feedback (id, garage_id, person_id, person_role, category, body, created_at)"
                + " values (?, ?, ?, 'customer', 'IDEA', 'Let me book the MOT from the reminder', now())",
                customers, garage.garageId, carl.id());
        GarageFixture other = GarageFixture.create(dataSource);
        send(other.technician("Sam Other"), UUID.randomUUID(), "BUG", "Photos never upload", null).statusCode(201);

        inbox(ada, Map.of()).body("$", hasSize(2)).body("id", contains(customers.toString(), bug.toString()))
                .body("[0].reporterRole", equalTo("customer"));
        inbox(ada, Map.of("q", "photos")).body("$", hasSize(1)).body("[0].text",
                equalTo("Photos upload twice on a weak signal"));
        inbox(ada, Map.of("status", "DONE")).body("$", hasSize(0));
        inbox(ada, Map.of("status", "WONTFIX")).statusCode(400).body("errors[0].field", equalTo("status"));

        move(ada, bug, "TRIAGED", "Reproduced; fixing in the next release.", 1).statusCode(200)
                .body("status", equalTo("TRIAGED")).body("version", equalTo(2))
                .body("note", equalTo("Reproduced; fixing in the next release."));
        given().auth().oauth2(TOKENS.of(tom)).when().get("/api/v1/feedback").then().statusCode(200)
                .body("[0].status", equalTo("TRIAGED")).body("[0].note", equalTo("Reproduced; fixing in the next release."));
        Map<String, Object> pushed = rows.one("select title, body from notification_outbox where device_id = ?"
                + " and dedupe_key = ?", tomsPhone, "feedback:" + bug + ":2");
        assertEquals("We are looking at your feedback", pushed.get("title"));
        assertEquals("Reproduced; fixing in the next release.", pushed.get("body"));
        assertEquals(1L, rows.count("select count(*) from audit_entry where action = 'feedback.status'"
                + " and resource_id = ?", bug.toString()));

        move(ada, bug, "PLANNED", null, 1).statusCode(409).body("type", equalTo("urn:garage:problem:stale-version"));
        move(ada, bug, "NEW", null, 2).statusCode(409).body("type", equalTo("urn:garage:problem:invalid-transition"));
        move(ada, bug, "BROKEN", null, 2).statusCode(400);
        move(ada, bug, "DONE", "x".repeat(2001), 2).statusCode(400).body("errors[0].field", equalTo("note"));
        move(other.admin("Otto Other"), bug, "DONE", null, 2).statusCode(404);
        move(tom, bug, "DONE", null, 2).statusCode(403);
        Map<String, Object> unchanged = rows.one("select status, version, note from feedback where id = ?", bug);
        assertEquals(List.of("TRIAGED", 2, "Reproduced; fixing in the next release."),
                List.of(unchanged.get("status"), unchanged.get("version"), unchanged.get("note")));

        move(ada, bug, "DONE", null, 2).statusCode(200).body("note", equalTo("Reproduced; fixing in the next release."));
        assertEquals("Open the app to see where it stands.", rows.one("select body from notification_outbox where"
                + " device_id = ? and dedupe_key = ?", tomsPhone, "feedback:" + bug + ":3").get("body"));
        given().auth().oauth2(TOKENS.of(tom)).queryParam("q", "photos").when().get("/api/v1/admin/feedback").then()
                .statusCode(403);
        given().auth().oauth2(TOKENS.of(garage.technician("Tina Kowalski"))).when().get("/api/v1/feedback").then()
                .statusCode(200).body("$", hasSize(0));
        inbox(ada, Map.of("status", "DONE")).body("$", hasSize(1)).body("[0].statusChangedAt", org.hamcrest.Matchers
                .notNullValue()).body("[0].screen", equalTo("inspection")).body("[0].appVersion", equalTo("3.2.0"));
        inbox(ada, Map.of("status", "NEW")).body("[0].statusChangedAt", nullValue());
    }

    private static ValidatableResponse send(Person person, UUID id, String category, String text, String screen) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id.toString());
        body.put("category", category);
        body.put("text", text);
        if (screen != null) {
            body.put("screen", screen);
        }
        return given().auth().oauth2(TOKENS.of(person)).contentType(ContentType.JSON)
                .header("X-App-Platform", "android").header("X-App-Version", "3.2.0").body(body)
                .when().post("/api/v1/feedback").then();
    }

    private static ValidatableResponse inbox(Person admin, Map<String, String> query) {
        return given().auth().oauth2(TOKENS.of(admin)).queryParams(query).when().get("/api/v1/admin/feedback").then();
    }

    private static ValidatableResponse move(Person admin, UUID id, String status, String note, int version) {
        Map<String, Object> body = new HashMap<>();
        body.put("status", status);
        body.put("version", version);
        if (note != null) {
            body.put("note", note);
        }
        return given().auth().oauth2(TOKENS.of(admin)).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/admin/feedback/" + id + "/status").then();
    }
}
