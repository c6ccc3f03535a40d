package com.garage.mobile.technician.app;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import com.garage.mobile.testing.S3ProxyResource;
import com.garage.mobile.testing.TestPhotos;
import com.garage.mobile.testing.browser.AppBrowser;
import com.garage.mobile.testing.browser.BrowserEvidence;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The bay in the technician web app, in headless Chromium against a real object store (s3proxy): the technician clocks
 * on, pauses and resumes, inspects with a photo uploaded from a file through tus, completes; the advisor publishes.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(S3ProxyResource.class)
@ExtendWith(BrowserEvidence.class)
class BayBrowserTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    @OidcWireMock
    WireMockServer identity;

    Rows rows;
    GarageFixture garage;
    Person tom;
    Person alice;
    UUID jobId;

    @BeforeEach
    void jobInTheBay() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        tom = garage.technician("Tom Reyes");
        alice = garage.advisor("Alice Morgan");
        Person carl = garage.customer("Carl", "Jensen");
        garage.inspectionTemplate(alice);
        jobId = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).advisor(alice).status("IN_PROGRESS")
                .step("Inspect the car").create();
        garage.sql("insert into estimate_line (id, garage_id, job_id, position, kind, description, quantity,"
                + " unit_price_minor, tax_rate_bp) values (?, ?, ?, 5, 'LABOUR', 'Inspection', 1.5, 8500, 2000)",
                UUID.randomUUID(), garage.garageId, jobId);
    }

    @Test
    void theTechnicianClocksOnAndInspectsWithAPhotoAndTheAdvisorPublishes() {
        Path photo = TestPhotos.jpegFile("tyre.jpg", 800, 600);
        try (AppBrowser phone = new AppBrowser(base)) {
            phone.signIn(identity, TOKENS.of(tom));
            phone.load("/app/#/my-jobs/" + jobId);
            clockOnPauseAndResume(phone);
            assertEquals(List.of(), phone.seriousViolations(), "the job card with its clock");
            phone.screenshots("bay-job-card");

            phone.click("#open-inspection");
            phone.click("#start-inspection");
            UUID tyre = inspectRedWithAPhoto(phone, photo);
            for (Map<String, Object> other : rows.query("select id from inspection_item where job_id = ? and id <> ?"
                    + " order by position", jobId, tyre)) {
                mark(phone, (UUID) other.get("id"), "GREEN");
            }
            phone.click("#complete-inspection");
            phone.waitFor("[data-status='COMPLETED']");
            assertTrue(phone.driver().findElements(By.id("publish-inspection")).isEmpty(),
                    "a technician's section does not list publishing");
            assertEquals(List.of(), phone.seriousViolations(), "the inspection");
            phone.screenshots("bay-inspection");
        }
        try (AppBrowser desk = new AppBrowser(base)) {
            desk.signIn(identity, TOKENS.of(alice));
            desk.load("/app/#/workshop/" + jobId + "/inspection");
            desk.click("#publish-inspection");
            desk.waitFor("[data-status='PUBLISHED']");
        }

        Map<String, Object> inspection = rows.one("select status, published_at, published_by from inspection"
                + " where job_id = ?", jobId);
        assertEquals("PUBLISHED", inspection.get("status"));
        assertNotNull(inspection.get("published_at"));
        assertEquals(alice.id(), inspection.get("published_by"));
    }

    @Test
    void anEarlierLookAnsweredLateDoesNotTakeAStoredPhotoOffTheItem() {
        UUID tyre = inspectionStarted();
        UUID checks = itemId("workshop-checks");
        try (AppBrowser phone = new AppBrowser(base)) {
            phone.signIn(identity, TOKENS.of(tom));
            phone.load("/app/#/my-jobs/" + jobId + "/inspection");
            phone.waitFor(item(tyre));
            phone.waitFor("body[data-connection='live']");

            phone.holdAnswer("GET", "/jobs/" + jobId + "/inspection", () -> recordFinding(checks, 0, "YELLOW"));
            garage.media(jobId, "inspection-item", tyre, tom);
            recordFinding(checks, 1, "GREEN");
            phone.waitFor(item(tyre) + " [data-media-id] img");
            phone.waitFor(item(checks) + "[data-condition='GREEN']");
            phone.releaseHeldAnswers();

            assertEquals(1, phone.driver().findElements(By.cssSelector(item(tyre) + " [data-media-id] img")).size(),
                    "the photo still shows");
            assertEquals(1, phone.driver().findElements(By.cssSelector(item(checks) + "[data-condition='GREEN']"))
                    .size(), "the later finding still shows");
        }
    }

    @Test
    void anItemSavedWhileItsLiveChangeWasDrawnStillShowsTheNextPhoto() {
        UUID tyre = inspectionStarted();
        try (AppBrowser phone = new AppBrowser(base)) {
            phone.signIn(identity, TOKENS.of(tom));
            phone.load("/app/#/my-jobs/" + jobId + "/inspection");
            phone.waitFor("body[data-connection='live']");

            phone.holdAnswer("PUT", "/inspection-items/" + tyre, () -> phone.retrying(() -> {
                phone.waitFor(item(tyre) + " input[value='RED']").click();
                phone.driver().findElement(By.cssSelector(item(tyre) + " button[type=submit]")).click();
            }));
            phone.waitFor(item(tyre) + "[data-condition='RED']");
            phone.releaseHeldAnswers();
            garage.media(jobId, "inspection-item", tyre, tom);
            recordFinding(itemId("workshop-checks"), 0, "GREEN");

            phone.waitFor(item(tyre) + " [data-media-id] img");
        }
        assertEquals("RED", rows.one("select condition from inspection_item where id = ?", tyre).get("condition"));
    }

    @Test
    void aTechnicianOfAnotherGarageCannotReachTheInspectionOrItsPhoto() {
        UUID item = inspectionStarted();
        UUID media = garage.media(jobId, "inspection-item", item, tom);
        Person oz = GarageFixture.create(dataSource).technician("Oz Berg");

        given().auth().oauth2(TOKENS.of(oz)).get("/api/v1/jobs/{id}/inspection", jobId).then().statusCode(404);
        given().auth().oauth2(TOKENS.of(oz)).get("/api/v1/media/{id}/links", media).then().statusCode(404);
        try (AppBrowser phone = new AppBrowser(base)) {
            phone.signIn(identity, TOKENS.of(oz));
            phone.load("/app/#/my-jobs/" + jobId + "/inspection");
            phone.waitFor(".banner--error");
            assertTrue(phone.driver().findElements(By.cssSelector("[data-item]")).isEmpty(), "no item of it");
            assertTrue(phone.driver().findElements(By.id("start-inspection")).isEmpty(), "nothing to start");
        }
        assertEquals(null, rows.one("select condition from inspection_item where id = ?", item).get("condition"));
    }

    @Test
    void clockingOnWithoutANetworkWaitsInTheQueueAndArrivesWithTheDevicesTime() {
        try (AppBrowser phone = new AppBrowser(base)) {
            phone.signIn(identity, TOKENS.of(tom));
            phone.load("/app/#/my-jobs/" + jobId);
            phone.waitFor("#clock-on");
            phone.waitFor("body[data-copy='synced']");

            phone.offline(true);
            phone.click("#clock-on");
            phone.waitFor("#time[data-clock='WORK']");
            assertEquals(0L, rows.count("select count(*) from time_entry where technician_id = ?", tom.id()));

            phone.offline(false);
            await().atMost(Duration.ofSeconds(20)).until(() -> rows.count("select count(*) from time_entry"
                    + " where technician_id = ?", tom.id()) == 1);
        }
        Map<String, Object> entry = rows.one("select kind, source, ended_at, device_started_at, started_at"
                + " from time_entry where technician_id = ? and job_id = ?", tom.id(), jobId);
        assertEquals("WORK", entry.get("kind"));
        assertEquals("OFFLINE", entry.get("source"));
        assertNull(entry.get("ended_at"), "still running");
        assertNotNull(entry.get("device_started_at"));
        assertEquals(entry.get("device_started_at"), entry.get("started_at"), "the device's time counts");
    }

    /** Starts the fixture's inspection of the job (a tyre with a tread depth, internal workshop checks); the tyre. */
    private UUID inspectionStarted() {
        garage.inspection(jobId, (UUID) rows.one("select id from inspection_template where garage_id = ?",
                garage.garageId).get("id"), tom);
        return itemId("tyre-front-left");
    }

    private UUID itemId(String key) {
        return (UUID) rows.one("select id from inspection_item where job_id = ? and item_key = ?", jobId, key).get("id");
    }

    private static String item(UUID id) {
        return "[data-item='" + id + "']";
    }

    /** Tom records the item's condition from another of his devices. */
    private void recordFinding(UUID itemId, long baseVersion, String condition) {
        given().auth().oauth2(TOKENS.of(tom)).contentType(ContentType.JSON)
                .body(Map.of("condition", condition, "measurements", Map.of(), "baseVersion", baseVersion))
                .put("/api/v1/inspection-items/{id}", itemId).then().statusCode(200);
    }

    private void clockOnPauseAndResume(AppBrowser phone) {
        phone.click("#clock-on");
        phone.waitFor("#time[data-clock='WORK']");
        phone.waitForText("#time-totals", "estimate 1 h 30 min");
        phone.retrying(() -> {
            new Select(phone.waitFor("#pause-reason")).selectByValue("WAITING_FOR_PARTS");
            phone.driver().findElement(By.id("clock-pause")).click();
        });
        phone.waitForText("#clock-running", "Paused: waiting for parts");
        phone.click("#clock-resume");
        phone.waitFor("#time[data-clock='WORK']");
        List<Map<String, Object>> entries = rows.query("select kind, pause_reason, ended_at, source from time_entry"
                + " where technician_id = ? and job_id = ? order by started_at, recorded_at", tom.id(), jobId);
        assertEquals(List.of("WORK", "PAUSE", "WORK"), entries.stream().map(e -> e.get("kind")).toList());
        assertEquals("WAITING_FOR_PARTS", entries.get(1).get("pause_reason"));
        assertNotNull(entries.get(1).get("ended_at"));
        assertNull(entries.get(2).get("ended_at"), "the clock runs");
        entries.forEach(entry -> assertEquals("ONLINE", entry.get("source")));
    }

    /** Measures the front left tyre, marks it red with a note, and attaches a photo from a file; its id. */
    private UUID inspectRedWithAPhoto(AppBrowser phone, Path photo) {
        await().atMost(Duration.ofSeconds(20)).until(() -> rows.count("select count(*) from inspection_item"
                + " where job_id = ?", jobId) == 6);
        UUID tyre = itemId("tyre-front-left");
        String item = item(tyre);
        phone.retrying(() -> {
            phone.waitFor("#measure-" + tyre + "-tread").sendKeys("1.4");
            phone.driver().findElement(By.cssSelector(item + " input[value='RED']")).click();
            phone.driver().findElement(By.id("note-" + tyre)).sendKeys("Cord showing on the inside edge");
            phone.driver().findElement(By.cssSelector(item + " button[type=submit]")).click();
        });
        phone.waitFor(item + "[data-condition='RED'] [data-suggested='RED']");

        phone.retrying(() -> phone.waitFor("#media-" + tyre).sendKeys(photo.toString()));
        // The check runs as outbox work, behind whatever else is due (a retry starts 15 s later): this waits a minute
        // for it; the app looks every 2 s for that minute, then less often, for five.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(List.of("STORED"), rows.query(
                "select status from media where target_type = 'inspection-item' and target_id = ?", tyre).stream()
                .map(media -> media.get("status")).toList(), () -> "the photo's media rows; the item says: "
                + phone.driver().findElement(By.cssSelector(item + " [data-upload]")).getText()));
        phone.waitFor(item + " [data-media-id] img");

        Map<String, Object> row = rows.one("select condition, note, measurements::text as m, inspected_by"
                + " from inspection_item where id = ?", tyre);
        assertEquals("RED", row.get("condition"));
        assertEquals("Cord showing on the inside edge", row.get("note"));
        assertEquals("{\"tread\": 1.4}", row.get("m"));
        assertEquals(tom.id(), row.get("inspected_by"));
        Map<String, Object> media = rows.one("select status, kind, content_type, sha256, uploaded_by from media"
                + " where target_type = 'inspection-item' and target_id = ?", tyre);
        assertEquals("STORED", media.get("status"));
        assertEquals("PHOTO", media.get("kind"));
        assertEquals("image/jpeg", media.get("content_type"));
        assertEquals(64, String.valueOf(media.get("sha256")).length());
        assertEquals(tom.id(), media.get("uploaded_by"));
        return tyre;
    }

    private void mark(AppBrowser phone, UUID itemId, String condition) {
        String item = item(itemId);
        phone.retrying(() -> {
            phone.waitFor(item + " input[value='" + condition + "']").click();
            phone.driver().findElement(By.cssSelector(item + " button[type=submit]")).click();
        });
        phone.waitFor(item + "[data-condition='" + condition + "']");
    }
}
