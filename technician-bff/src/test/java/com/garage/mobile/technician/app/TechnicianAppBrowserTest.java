package com.garage.mobile.technician.app;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.job.JobAssignmentService;
import com.garage.mobile.domain.job.JobStatus;
import com.garage.mobile.domain.job.JobStatusService;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import com.garage.mobile.testing.browser.AppBrowser;
import com.garage.mobile.testing.browser.BrowserEvidence;
import com.garage.mobile.testing.Workshop;
import com.garage.mobile.testing.browser.TestSignIn;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

/** The technician web app at /app/ in headless Chromium: sign-in, navigation, board, job card, offline writes. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@ExtendWith(BrowserEvidence.class)
class TechnicianAppBrowserTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    @Inject
    JobStatusService statuses;

    @Inject
    JobAssignmentService assignments;

    @OidcWireMock
    WireMockServer identity;

    Rows rows;
    GarageFixture garage;
    Person tom;
    Person alice;
    Person carl;
    UUID jobId;
    AppBrowser browser;

    @BeforeEach
    void openBrowser() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        tom = garage.technician("Tom Reyes");
        alice = garage.advisor("Alice Morgan");
        carl = garage.customer("Carl", "Jensen");
        jobId = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).advisor(alice)
                .promisedAt(Instant.now().plus(Duration.ofHours(1))).step("Lift the car").step("Change the oil")
                .create();
        browser = new AppBrowser(base);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void technicianSignsInWithPkceAndSeesExactlyTheSectionsTheApiLists() {
        browser.signInThroughTheLoginPage(identity, TOKENS.of(tom), tom.displayName());

        assertEquals(sectionTitles(tom), browser.texts(".nav__link"));
        assertTrue(TestSignIn.tokenRequests(identity).stream().anyMatch(body -> body.contains("code_verifier=")),
                "the code exchange carries the PKCE verifier");
        browser.waitFor("[data-job='" + jobId + "']");
        assertEquals(List.of(), browser.seriousViolations(), "the job board");
        browser.screenshots("technician-board");
    }

    @Test
    void theSignInScreenIsAccessible() {
        browser.open("/app/");
        browser.waitFor("#sign-in");
        assertEquals(List.of(), browser.seriousViolations(), "the sign-in screen");
        browser.screenshots("technician-sign-in");
    }

    @Test
    void tokensAreRefreshedSilentlyAndSignOutEndsTheSessionAtTheProvider() {
        TestSignIn.as(identity, TOKENS.of(tom), 62);
        browser.signInThroughTheLoginPage("tom");

        await().atMost(Duration.ofSeconds(20)).until(() -> TestSignIn.tokenRequests(identity).stream()
                .anyMatch(body -> body.contains("grant_type=refresh_token")));
        browser.driver().findElement(By.id("sign-out")).click();

        await().atMost(Duration.ofSeconds(10)).until(() -> browser.driver().getCurrentUrl().contains("end-session"));
        String signOut = browser.driver().getCurrentUrl();
        assertTrue(signOut.contains("client_id=technician-app") && signOut.contains("post_logout_redirect_uri="),
                signOut);
        browser.open("/app/");
        browser.waitFor("#sign-in");
    }

    @Test
    void advisorSeesTheWorkshopBoardThatATechnicianDoesNot() {
        signIn(alice);

        List<String> titles = browser.texts(".nav__link");
        assertEquals(sectionTitles(alice), titles);
        assertTrue(titles.contains("Workshop board"), titles.toString());
        assertTrue(!sectionTitles(tom).contains("Workshop board"));
    }

    @Test
    void theAppOpensOfflineFromItsCopyAndNoteAndStepArriveWhenTheNetworkReturns() {
        signIn(tom);
        browser.open("/app/#/my-jobs/" + jobId);
        browser.waitFor("#note-form");
        assertEquals(List.of(), browser.seriousViolations(), "the job card");
        browser.screenshots("technician-job-card");
        browser.waitFor("body[data-copy='synced']");
        browser.waitForServiceWorker();
        assertTrue(browser.shellCached("/app/js/main.js"), "the service worker keeps the shell");

        browser.offline(true);
        browser.driver().navigate().refresh();
        browser.waitFor("#note-form");
        browser.driver().findElement(By.id("note-body")).sendKeys("Brake fluid topped up, offline");
        browser.driver().findElement(By.cssSelector("#note-form button[type=submit]")).click();
        browser.driver().findElement(By.cssSelector("[data-step]")).click();
        browser.waitForText("#notice", "Saved on this phone");
        assertEquals(0L, rows.count("select count(*) from job_note where job_id = ?", jobId));

        browser.offline(false);
        await().atMost(Duration.ofSeconds(20)).until(
                () -> rows.count("select count(*) from job_note where job_id = ? and body = ?", jobId,
                        "Brake fluid topped up, offline") == 1
                        && rows.count("select count(*) from job_step where job_id = ? and status = 'IN_PROGRESS'",
                                jobId) == 1);
    }

    @Test
    void aStatusMoveIsSavedAndTheCardOffersTheMovesFromTheNewStatus() {
        signIn(tom);
        browser.open("/app/#/my-jobs/" + jobId);

        browser.waitFor("[data-move='IN_PROGRESS']").click();

        browser.waitFor("[data-move='QUALITY_CHECK']");
        assertEquals(List.of(), browser.driver().findElements(By.cssSelector("[data-move='IN_PROGRESS']")));
        assertEquals(Map.of("status", "IN_PROGRESS", "version", 1L),
                rows.one("select status, version from job_card where id = ?", jobId));
    }

    @Test
    void aMoveAnsweredAfterTheTechnicianLeftTheCardDoesNotDrawTheCardOverTheBoard() {
        signIn(tom);
        browser.open("/app/#/my-jobs/" + jobId);
        browser.waitFor("[data-move='IN_PROGRESS']");

        // The move's answer is held back while Tom goes back to the board.
        browser.holdAnswer("POST", "/api/v1/jobs/" + jobId + "/status",
                () -> browser.click("[data-move='IN_PROGRESS']"));
        browser.open("/app/#/my-jobs");
        browser.waitFor("#board [data-job='" + jobId + "']");
        // The board redraws itself on the move's live event, so a card drawn over it may not stay: watch for it.
        browser.driver().executeScript("window.cardDrawn = false; new MutationObserver(() => {"
                + " window.cardDrawn ||= document.getElementById('moves') !== null; })"
                + ".observe(document.getElementById('main'), { childList: true, subtree: true })");
        long cardReads = cardReads();
        browser.releaseHeldAnswers();

        // After the move the card is read again; it would be drawn right after that answer.
        await().atMost(Duration.ofSeconds(10)).until(() -> cardReads() > cardReads);
        browser.driver().executeAsyncScript("setTimeout(arguments[arguments.length - 1], 300)");
        assertEquals(false, browser.driver().executeScript("return window.cardDrawn"), "the card drawn over the board");
        assertEquals(1, browser.driver().findElements(By.id("board")).size(), "the board stays");
        assertEquals("IN_PROGRESS", rows.one("select status from job_card where id = ?", jobId).get("status"));
    }

    private long cardReads() {
        return (Long) browser.driver().executeScript("return performance.getEntriesByType('resource')"
                + ".filter(e => e.name.endsWith('/api/v1/jobs/" + jobId + "')).length");
    }

    @Test
    void aStaleStatusMoveShowsTheConflict() {
        signIn(tom);
        browser.open("/app/#/my-jobs/" + jobId);
        browser.waitFor("[data-move='IN_PROGRESS']");
        // The desktop system moves the job meanwhile, writing the same table: no live event tells the app.
        garage.sql("update job_card set status = 'IN_PROGRESS', version = version + 1 where id = ?", jobId);

        browser.driver().findElement(By.cssSelector("[data-move='IN_PROGRESS']")).click();

        browser.waitForText("#notice", "changed this job meanwhile");
        assertEquals(1L, rows.count("select count(*) from job_card where id = ? and status = 'IN_PROGRESS'", jobId));
    }

    @Test
    void technicianSendsFeedbackFromTheBoardWithItsScreenAndReadsItInHisListAndTheScreenIsCounted() {
        signIn(tom);
        browser.waitFor("[data-job='" + jobId + "']");
        String board = browser.waitFor(".nav__link[aria-current='page']").getAttribute("data-section");
        browser.click("#feedback-link");
        new Select(browser.waitFor("#feedback-category")).selectByValue("BUG");
        browser.waitFor("#feedback-text").sendKeys("The board does not scroll on my phone.");
        assertEquals(List.of(), browser.seriousViolations(), "the feedback screen");
        browser.screenshots("technician-feedback");

        browser.click("#feedback-send");
        browser.waitForText("#feedback-notice", "Thank you");
        assertEquals(Map.of("category", "BUG", "body", "The board does not scroll on my phone.", "screen", board,
                "person_role", "technician", "app_platform", "web"), rows.one("select category, body, screen,"
                        + " person_role, app_platform from feedback where person_id = ?", tom.id()));
        browser.waitForText("#my-feedback", "The board does not scroll on my phone.");
        await().atMost(Duration.ofSeconds(20)).until(() -> rows.count("select count(*) from analytics_event"
                + " where garage_id = ? and app = 'staff' and platform = 'web' and name = 'screen.viewed'"
                + " and properties->>'screen' = 'feedback'", garage.garageId) == 1);
    }

    @Test
    void anEventThatArrivesAfterOneWithAHigherIdStillRedrawsTheCard() throws SQLException {
        UUID otherJob = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).create();
        signIn(tom);
        browser.open("/app/#/my-jobs/" + jobId);
        browser.waitFor("[data-move='IN_PROGRESS']");
        browser.waitFor("body[data-connection='live']");

        try (Connection desktop = dataSource.getConnection()) {
            // The desktop system starts this job: its event takes its id now but commits only after a quicker change
            // of another job, and is then published by the relay, as an event whose writer could not publish it.
            desktop.setAutoCommit(false);
            long slowEvent = startThisJobAndTakeAnEventId(desktop);
            new Workshop(statuses, assignments).change(alice, otherJob, JobStatus.IN_PROGRESS);
            long quickEvent = rows.count("select max(id) from job_event where job_id = ?", otherJob);
            assertTrue(quickEvent > slowEvent);
            await().atMost(Duration.ofSeconds(10)).until(() -> String.valueOf(quickEvent).equals(
                    browser.driver().executeScript("return localStorage.getItem('garage.lastEventId')")));
            desktop.commit();
        }

        browser.waitFor("[data-move='QUALITY_CHECK']");
    }

    private long startThisJobAndTakeAnEventId(Connection desktop) throws SQLException {
        try (PreparedStatement statement = desktop.prepareStatement("""
                with job as (update job_card set status = 'IN_PROGRESS', version = version + 1,
                        last_event_seq = last_event_seq + 1 where id = ?
                    returning garage_id, id, customer_id, last_event_seq)
                insert into job_event (garage_id, job_id, seq, type, customer_visible, payload, actor_subject,
                    actor_role, occurred_at, customer_id, technician_ids)
                select garage_id, id, last_event_seq, 'job.status-changed', true,
                    '{"from": "OPEN", "to": "IN_PROGRESS"}', 'desktop', 'advisor', now() - interval '1 minute',
                    customer_id, array[cast(? as uuid)] from job
                returning id""")) {
            statement.setObject(1, jobId);
            statement.setObject(2, tom.id());
            try (ResultSet inserted = statement.executeQuery()) {
                inserted.next();
                return inserted.getLong(1);
            }
        }
    }

    private void signIn(Person person) {
        browser.signIn(identity, TOKENS.of(person));
    }

    private List<String> sectionTitles(Person person) {
        return given().auth().oauth2(TOKENS.of(person)).when().get("/api/v1/navigation")
                .then().statusCode(200).extract().jsonPath().getList("sections.title", String.class);
    }
}
