package com.garage.mobile.customer.app;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 16 in the customer web app: the journey's events reach the analytics store with the app's build, one tracked
 * without a network arrives once when it returns, the NPS question on a closed repair is answered once, and feedback
 * sent from a screen is listed for its sender only.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(S3ProxyResource.class)
@ExtendWith(BrowserEvidence.class)
class AnalyticsBrowserTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(20);
    private static final String VERSION = "1.0.0-SNAPSHOT";

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    @Inject
    RedisDataSource redis;

    @OidcWireMock
    WireMockServer identity;

    Rows rows;
    GarageFixture garage;
    Person carl;
    UUID car;
    AppBrowser browser;

    @BeforeEach
    void openBrowser() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        carl = garage.customer("Carl", "Jensen");
        car = garage.vehicle(carl);
        browser = new AppBrowser(base);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void carlsJourneyArrivesWithHisBuildAndAnEventTrackedOfflineArrivesOnce() {
        UUID jobId = garage.job(carl, car).status("AWAITING_APPROVAL")
                .part("Front brake pads", "BP-7731", 5400, 3100).create();
        browser.signIn(identity, TOKENS.of(carl));
        browser.load("/app/#/my-jobs/" + jobId);
        browser.waitFor("#estimate");

        await().atMost(ARRIVAL).until(() -> events("estimate.viewed") == 1);
        assertEquals(Map.of("app", "customer", "platform", "web", "app_version", VERSION, "offline", false,
                "job", jobId.toString()), rows.one("select app, platform, app_version, offline,"
                        + " properties->>'jobId' as job from analytics_event where garage_id = ? and journey_id = ?"
                        + " and name = 'estimate.viewed'",
                        garage.garageId, jobId));
        assertEquals(1L, events("session.started"), "one session for the tab");
        assertEquals(0L, rows.count("select count(*) from analytics_event where garage_id = ? and source = 'app'"
                + " and substr(id::text, 15, 1) <> '7'", garage.garageId), "each event's id a time-ordered UUIDv7");
        String session = (String) rows.one("select properties->>'sessionId' as session from analytics_event"
                + " where garage_id = ? and name = 'session.started'", garage.garageId).get("session");
        assertTrue(rows.count("select count(*) from analytics_event where garage_id = ? and name = 'screen.viewed'"
                + " and properties->>'screen' = 'my-jobs' and properties->>'sessionId' = ? and platform = 'web'"
                + " and app_version = ?", garage.garageId, session, VERSION) >= 1, "the repairs viewed in the session");

        browser.waitFor("body[data-copy='synced']");
        browser.waitForServiceWorker();
        browser.offline(true);
        browser.driver().executeScript("location.hash = '#/vehicles'");
        browser.waitForText("h1", browser.driver().findElement(
                By.cssSelector(".nav__link[data-section='vehicles']")).getText());
        assertEquals(1L, browser.driver().executeScript("return JSON.parse(localStorage.getItem('garage.analytics'))"
                + ".filter(e => e.properties.screen === 'vehicles' && e.offline).length"), "waiting on the device");
        assertEquals(0L, screensViewed("vehicles"), "nothing sent without a network");

        browser.offline(false);
        await().atMost(ARRIVAL).until(() -> screensViewed("vehicles") == 1);
        assertEquals(Boolean.TRUE, rows.one("select offline from analytics_event where garage_id = ?"
                + " and properties->>'screen' = 'vehicles'", garage.garageId).get("offline"));
        await().atMost(ARRIVAL).until(() -> "[]".equals(browser.driver().executeScript(
                "return localStorage.getItem('garage.analytics')")));
        browser.driver().executeScript("location.hash = '#/appointments'");
        await().atMost(ARRIVAL).until(() -> screensViewed("appointments") == 1);
        assertEquals(1L, screensViewed("vehicles"), "sent once, not again with the next batch");
    }

    @Test
    void anEventTheServerRejectsLeavesTheQueueAndIsNeverResent() {
        browser.signIn(identity, TOKENS.of(carl));
        browser.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "import('/app/js/analytics.js').then((analytics) => {"
                + " analytics.track('screen.viewed', {screen: 'carl@example.com'});"
                + " analytics.track('screen.viewed', {screen: 'after-the-bad-one'}); done(); });");

        await().atMost(ARRIVAL).until(() -> screensViewed("after-the-bad-one") == 1);
        await().atMost(ARRIVAL).until(() -> "[]".equals(browser.driver().executeScript(
                "return localStorage.getItem('garage.analytics')")));
        assertEquals(0L, screensViewed("carl@example.com"), "refused, not stored");
    }

    @Test
    void aSpentDeviceBudgetHoldsTheQueueForItsRetryAfterThenTheNewestThousandArriveAndStaleOnesNever() {
        browser.signIn(identity, TOKENS.of(carl));
        browser.load("/app/#/my-jobs");
        await().atMost(ARRIVAL).until(() -> events("session.started") == 1);
        await().atMost(ARRIVAL).until(() -> "[]".equals(browser.driver().executeScript(
                "return localStorage.getItem('garage.analytics')")));
        // This device's budget was spent by batches 55 s ago: the server answers 429 with about 5 s to wait.
        String device = (String) browser.driver().executeScript("return localStorage.getItem('garage.device')");
        String budget = "garage:rate:analytics:" + garage.garageId + ":device:" + device;
        for (int i = 0; i < 120; i++) {
            redis.sortedSet(String.class).zadd(budget, System.currentTimeMillis() - 55_000, "earlier-" + i);
        }
        redis.key().pexpire(budget, 60_000);
        // Queued long offline: one event past the 72 h late bound, then 1,004 more than the 1,000 the device keeps.
        browser.driver().executeScript("""
                const event = (screen, at) => ({ id: crypto.randomUUID(), name: 'screen.viewed',
                  clientTime: new Date(at).toISOString(), offline: true, properties: { screen } });
                const queue = [event('stale', Date.now() - 73 * 3600 * 1000)];
                for (let i = 0; i < 1004; i++) queue.push(event('cap-' + i, Date.now() - 60 * 1000));
                localStorage.setItem('garage.analytics', JSON.stringify(queue));""");

        browser.driver().executeScript("location.hash = '#/vehicles'");
        await().atMost(ARRIVAL).until(() -> refusedForTheBudget() == 1);
        @SuppressWarnings("unchecked")
        List<String> queued = (List<String>) browser.driver().executeScript(
                "return JSON.parse(localStorage.getItem('garage.analytics')).map(e => e.properties.screen)");
        assertEquals(1000, queued.size(), "the newest thousand kept");
        assertEquals("cap-5", queued.get(0));
        assertEquals("vehicles", queued.get(999));
        assertEquals(0L, screensViewed("vehicles"), "held while the device waits");

        await().atMost(Duration.ofSeconds(40)).until(() -> screensViewed("vehicles") == 1);
        await().atMost(ARRIVAL).until(() -> rows.count("select count(*) from analytics_event where garage_id = ?"
                + " and properties->>'screen' like 'cap-%'", garage.garageId) == 999);
        assertEquals(0L, screensViewed("stale"), "past the late bound: never sent");
        assertEquals(0L, screensViewed("cap-4"), "older than the thousand kept");
        assertEquals(1L, refusedForTheBudget(), "sent again only after the wait");
        await().atMost(ARRIVAL).until(() -> "[]".equals(browser.driver().executeScript(
                "return localStorage.getItem('garage.analytics')")));
    }

    @Test
    void openingAPushSendsItsIdOnceAndShowsWhatItIsAbout() {
        UUID jobId = garage.job(carl, car).status("AWAITING_APPROVAL")
                .part("Front brake pads", "BP-7731", 5400, 3100).create();
        UUID pushId = UUID.randomUUID();
        browser.signIn(identity, TOKENS.of(carl));
        // as sw.js opens the app when the push of an estimate waiting for Carl is tapped
        browser.open("/app/?pushId=" + pushId + "&category=JOB_STATUS&link=garage-customer%3A%2F%2Fjobs%2F" + jobId
                + "%2Festimate");
        browser.waitFor("#estimate");
        assertTrue(browser.driver().getCurrentUrl().endsWith("/app/#/my-jobs/" + jobId), "the repair the push is about");

        await().atMost(ARRIVAL).until(() -> events("push.opened") == 1);
        assertEquals(Map.of("journey_id", pushId, "category", "JOB_STATUS"), rows.one("select journey_id,"
                + " properties->>'category' as category from analytics_event where garage_id = ?"
                + " and name = 'push.opened'", garage.garageId));
        assertFalse(browser.driver().getCurrentUrl().contains("pushId"), "the push's id is taken off the address");
    }

    @Test
    void onAClosedRepairCarlAnswersTheNpsOnceAndIsNotAskedAgain() {
        UUID closed = openClosedRepair("Oil change");
        browser.waitFor("#survey[data-kind='NPS']");
        assertEquals(List.of(), browser.seriousViolations(), "the NPS question");
        browser.screenshots("customer-nps");

        browser.click("#survey input[value='9']");
        browser.waitFor("#survey-comment").sendKeys("Quick and friendly, the car runs well.");
        browser.click("#survey-send");
        browser.waitForText("#survey-slot", "Thank you for telling us.");
        assertEquals(Map.of("kind", "NPS", "score", 9, "comment", "Quick and friendly, the car runs well.",
                "job_id", closed), rows.one("select kind, score, comment, job_id from survey_answer"
                        + " where person_id = ?", carl.id()));

        browser.load("/app/#/my-jobs/" + closed);
        browser.waitFor("#timeline");
        awaitSurvey("not-due");
        assertTrue(browser.driver().findElements(By.id("survey")).isEmpty(), "not asked again");
        assertEquals(1L, rows.count("select count(*) from survey_answer where person_id = ?", carl.id()));
    }

    @Test
    void aWeekAfterHisNpsCarlRatesHisClosedRepairOnFiveAndTheWeeksSurveyIsUsed() {
        garage.sql("insert into survey_answer (id, garage_id, person_id, person_role, kind, score, answered_at)"
                + " values (?, ?, ?, 'customer', 'NPS', 8, now() - interval '8 days')", UUID.randomUUID(),
                garage.garageId, carl.id());
        UUID closed = openClosedRepair("Brake fluid change");
        browser.waitFor("#survey[data-kind='CSAT']");
        assertEquals("How satisfied are you with this repair?", browser.waitFor("#survey-question").getText());
        assertEquals(5, browser.driver().findElements(By.cssSelector("#survey input[name='survey-score']")).size());
        assertEquals(List.of(), browser.seriousViolations(), "the CSAT question");
        browser.screenshots("customer-csat");

        browser.click("#survey input[value='4']");
        browser.click("#survey-send");
        browser.waitForText("#survey-slot", "Thank you for telling us.");
        assertEquals(Map.of("kind", "CSAT", "score", 4, "job_id", closed), rows.one("select kind, score, job_id"
                + " from survey_answer where person_id = ? and kind = 'CSAT'", carl.id()));

        browser.load("/app/#/my-jobs/" + closed);
        browser.waitFor("#timeline");
        awaitSurvey("not-due");
        given().auth().oauth2(TOKENS.of(carl)).get("/api/v1/app-config").then().statusCode(200)
                .body("surveys.nps", equalTo(false)).body("surveys.csat", equalTo(false));
    }

    @Test
    void notNowHidesTheQuestionForTheSession() {
        UUID closed = openClosedRepair("Oil change");
        browser.click("#survey-later");
        await().atMost(ARRIVAL).until(() -> browser.driver().findElements(By.id("survey")).isEmpty());
        assertEquals("later", browser.driver().findElement(By.id("survey-slot")).getDomAttribute("data-survey"));

        browser.load("/app/#/my-jobs/" + closed);
        browser.waitFor("#timeline");
        awaitSurvey("not-due");
        assertTrue(browser.driver().findElements(By.id("survey")).isEmpty(), "not asked again in this session");
        assertEquals(0L, rows.count("select count(*) from survey_answer where person_id = ?", carl.id()));
        given().auth().oauth2(TOKENS.of(carl)).get("/api/v1/app-config").then().statusCode(200)
                .body("surveys.nps", equalTo(true));
    }

    @Test
    void carlSendsFeedbackWithAScreenshotFromHisRepairsOnceTheNetworkIsBackAndOnlyHeSeesItInHisList() {
        String text = "Let me pay for the repair in the app, please.";
        browser.signIn(identity, TOKENS.of(carl));
        browser.load("/app/#/my-jobs");
        browser.click("#feedback-link");
        new Select(browser.waitFor("#feedback-category")).selectByValue("IDEA");
        browser.waitFor("#feedback-text").sendKeys(text);
        browser.waitFor("#feedback-screenshot").sendKeys(TestPhotos.jpegFile("repairs.jpg", 390, 844).toString());
        assertEquals(List.of(), browser.seriousViolations(), "the feedback screen");
        browser.screenshots("customer-feedback");

        browser.offline(true);
        browser.click("#feedback-send");
        browser.waitForText("#feedback-notice", "Not sent yet");
        String kept = (String) browser.driver().executeScript(
                "return JSON.parse(localStorage.getItem('garage.feedback.pending')).id");
        assertEquals(0L, rows.count("select count(*) from feedback where person_id = ?", carl.id()));
        browser.offline(false);
        browser.click("#feedback-send");
        browser.waitForText("#feedback-notice", "Thank you");
        Map<String, Object> stored = rows.one("select id, category, body, screen, app_platform, app_version"
                + " from feedback where person_id = ?", carl.id());
        assertEquals(UUID.fromString(kept), stored.get("id"), "sent again under the id kept on the device");
        assertEquals(Map.of("category", "IDEA", "body", text, "screen", "my-jobs", "app_platform", "web",
                "app_version", VERSION), Map.of("category", stored.get("category"), "body", stored.get("body"),
                        "screen", stored.get("screen"), "app_platform", stored.get("app_platform"),
                        "app_version", stored.get("app_version")));
        browser.waitForText("[data-feedback='" + stored.get("id") + "'][data-status='NEW']", text);
        assertNull(browser.driver().executeScript("return localStorage.getItem('garage.feedback.pending')"),
                "nothing kept once the garage answered");
        await().atMost(Duration.ofSeconds(60)).until(() -> rows.count("select count(*) from media where target_type ="
                + " 'feedback' and target_id = ? and status = 'STORED' and uploaded_by_customer = ?", stored.get("id"),
                carl.id()) == 1);
        browser.load("/app/#/feedback");
        browser.waitForText("[data-feedback='" + stored.get("id") + "']", "with a screenshot");

        Person cora = garage.customer("Cora", "Li");
        try (AppBrowser other = new AppBrowser(base)) {
            other.signIn(identity, TOKENS.of(cora));
            other.load("/app/#/feedback");
            other.waitForText("#my-feedback", "No feedback sent yet.");
            assertFalse(other.driver().getPageSource().contains(text));
        }
    }

    private long events(String name) {
        return rows.count("select count(*) from analytics_event where garage_id = ? and name = ?", garage.garageId,
                name);
    }

    private long screensViewed(String screen) {
        return rows.count("select count(*) from analytics_event where garage_id = ? and name = 'screen.viewed'"
                + " and properties->>'screen' = ?", garage.garageId, screen);
    }

    private long refusedForTheBudget() {
        return rows.count("select count(*) from audit_entry where garage_id = ? and detail->>'status' = '429'",
                garage.garageId);
    }

    /** Carl's repair closed yesterday, opened in his app. */
    private UUID openClosedRepair(String step) {
        UUID closed = garage.job(carl, car).step(step).status("CLOSED")
                .closedAt(Instant.now().minus(Duration.ofDays(1))).create();
        browser.signIn(identity, TOKENS.of(carl));
        browser.load("/app/#/my-jobs/" + closed);
        return closed;
    }

    private void awaitSurvey(String outcome) {
        await().atMost(ARRIVAL).until(() -> !browser.driver()
                .findElements(By.cssSelector("#survey-slot[data-survey='" + outcome + "']")).isEmpty());
    }
}
