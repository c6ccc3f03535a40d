package com.garage.mobile.customer.app;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.job.JobAssignmentService;
import com.garage.mobile.domain.job.JobStatus;
import com.garage.mobile.domain.job.JobStatusService;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import com.garage.mobile.testing.Workshop;
import com.garage.mobile.testing.browser.AppBrowser;
import com.garage.mobile.testing.browser.BrowserEvidence;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** The customer web app at /app/ in headless Chromium: sign-in, navigation, my repairs live, the estimate. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@ExtendWith(BrowserEvidence.class)
class CustomerAppBrowserTest {

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
    Person alice;
    Person carl;
    UUID jobId;
    UUID pads;
    AppBrowser browser;

    @BeforeEach
    void openBrowser() {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        alice = garage.advisor("Alice Morgan");
        carl = garage.customer("Carl", "Jensen");
        jobId = garage.job(carl, garage.vehicle(carl)).advisor(alice).status("AWAITING_APPROVAL")
                .step("Inspect the brakes").part("Front brake pads", "BP-7731", 5400, 3100)
                .part("Front brake discs", "BD-2210", 8900, 5200).create();
        pads = (UUID) rows.one("select id from estimate_line where job_id = ? and position = 0", jobId).get("id");
        browser = new AppBrowser(base);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void customerSignsInAndSeesExactlyTheSectionsTheApiLists() {
        browser.signInThroughTheLoginPage(identity, TOKENS.of(carl), "carl");

        assertEquals(sectionTitles(), browser.texts(".nav__link"));
        browser.waitFor("[data-job='" + jobId + "']");
        assertEquals(List.of(), browser.seriousViolations(), "my repairs");
        browser.screenshots("customer-repairs");
        for (String section : List.of("vehicles", "appointments", "profile")) {
            browser.open("/app/#/" + section);
            browser.waitForText("h1", browser.driver().findElement(
                    By.cssSelector(".nav__link[data-section='" + section + "']")).getText());
            assertEquals(List.of(), browser.seriousViolations(), section);
            browser.screenshots("customer-" + section);
        }
    }

    @Test
    void aScreenLeftWhileItLoadedDoesNotDrawOverTheNextOne() {
        signIn(TOKENS.of(carl));
        browser.waitFor("[data-job='" + jobId + "']");

        // The vehicles answer is held back while Carl moves on to his details.
        browser.holdAnswer("GET", "/api/v1/vehicles", () -> browser.open("/app/#/vehicles"));
        browser.open("/app/#/profile");
        browser.waitFor("#profile-form");
        browser.releaseHeldAnswers();

        assertEquals("Profile", browser.driver().findElement(By.tagName("h1")).getText());
        assertEquals(1, browser.driver().findElements(By.id("profile-form")).size());
    }

    /**
     * An appointment moved to another time (back to REQUESTED for the garage to confirm), then cancelled with a
     * second tap, each through the offline queue: the rows in PostgreSQL.
     */
    @Test
    void customerMovesAnAppointmentAndThenCancelsIt() {
        UUID vehicle = (UUID) rows.one("select vehicle_id from job_card where id = ?", jobId).get("vehicle_id");
        UUID appointment = garage.appointment(carl, vehicle, Instant.now().plus(3, ChronoUnit.DAYS), "CONFIRMED");
        Instant later = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        signIn(TOKENS.of(carl));
        browser.driver().executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "UTC"));
        browser.open("/app/#/appointments");
        browser.waitFor("[data-appointment='" + appointment + "'][data-status='CONFIRMED']");
        assertEquals(List.of(), browser.seriousViolations(), "my appointments with their changes");

        browser.driver().executeScript("const input = document.getElementById(arguments[0]);"
                + " input.value = arguments[1];", "reschedule-" + appointment,
                LocalDateTime.ofInstant(later, ZoneId.of("UTC")).toString().substring(0, 16));
        browser.click("[data-reschedule='" + appointment + "']");
        await().atMost(Duration.ofSeconds(20)).until(() -> "REQUESTED".equals(rows.one(
                "select status from appointment where id = ?", appointment).get("status")));
        assertEquals(later, ((java.sql.Timestamp) rows.one("select starts_at from appointment where id = ?", appointment)
                .get("starts_at")).toInstant(), "the new time, for the garage to confirm");
        browser.waitFor("[data-appointment='" + appointment + "'][data-status='REQUESTED']");
        browser.waitForText("#appointments-notice", "the garage confirms it");

        browser.click("[data-cancel='" + appointment + "']");
        browser.click("[data-cancel='" + appointment + "']");
        await().atMost(Duration.ofSeconds(20)).until(() -> "CANCELLED".equals(rows.one(
                "select status from appointment where id = ?", appointment).get("status")));
        browser.waitFor("[data-appointment='" + appointment + "'][data-status='CANCELLED']");
        assertEquals(List.of(), browser.texts("[data-cancel='" + appointment + "']"), "cancelled, no longer changeable");
    }

    /**
     * Contact details need the second factor: a password-only session is offered the sign-in and nothing changes;
     * signed in with it, the new name and phone are saved through the offline queue.
     */
    @Test
    void customerChangesTheirDetailsContactDetailsOnlyWithTheSecondFactor() {
        signIn(TOKENS.of(carl));
        browser.open("/app/#/profile");
        browser.waitFor("#profile-phone").clear();
        browser.waitFor("#profile-phone").sendKeys("+44 7700 900555");
        assertEquals(List.of(), browser.seriousViolations(), "my details");
        browser.click("#profile-save");
        browser.waitFor("#profile-step-up");
        assertEquals(0L, rows.count("select count(*) from customer where id = ? and phone = '+44 7700 900555'",
                carl.id()), "nothing changed without the second factor");

        browser.close();
        browser = new AppBrowser(base);
        signIn(TOKENS.builder(carl).steppedUp().sign());
        browser.open("/app/#/profile");
        browser.waitFor("#profile-firstName").clear();
        browser.waitFor("#profile-firstName").sendKeys("Carlos");
        browser.waitFor("#profile-phone").clear();
        browser.waitFor("#profile-phone").sendKeys("+44 7700 900555");
        browser.click("#profile-save");
        browser.waitForText("#profile-notice", "Saved.");
        assertEquals(Map.of("first_name", "Carlos", "phone", "+44 7700 900555"), rows.one(
                "select first_name, phone from customer where id = ?", carl.id()));
    }

    /** Offers switched on and quiet hours set on the notifications screen: the consent and the hours in PostgreSQL. */
    @Test
    void customerTurnsOnOffersAndSetsQuietHours() {
        signIn(TOKENS.of(carl));
        browser.open("/app/#/notifications");
        browser.waitFor("#category-MARKETING");
        assertFalse(browser.waitFor("#category-MARKETING").isSelected(), "no offers until asked for");
        browser.waitForText("#push-device[data-state='unavailable']", "does not send notifications to browsers");
        assertEquals(List.of(), browser.seriousViolations(), "notification settings");

        browser.click("#category-MARKETING");
        browser.click("#quiet-on");
        browser.driver().executeScript("document.getElementById('quiet-start').value = '22:30';"
                + " document.getElementById('quiet-end').value = '06:45';");
        browser.click("#notifications-save");
        browser.waitForText("#notifications-notice", "Saved.");

        Map<String, Object> consent = rows.one("select granted, source_screen from notification_consent"
                + " where customer_id = ? and category = 'MARKETING' order by id desc limit 1", carl.id());
        assertEquals(Map.of("granted", true, "source_screen", "app/notifications"), consent);
        assertEquals("22:30:00 06:45:00", String.valueOf(rows.one("select quiet_start || ' ' || quiet_end as hours"
                + " from notification_settings where customer_id = ?", carl.id()).get("hours")));
        assertTrue(browser.waitFor("#category-MARKETING").isSelected(), "shown as saved");
    }

    @Test
    void anAdvisorsStatusChangeAppearsLiveOnTheRepair() {
        signIn(TOKENS.of(carl));
        browser.open("/app/#/my-jobs/" + jobId);
        browser.waitFor("#timeline");
        assertEquals(List.of(), browser.seriousViolations(), "a repair with its estimate");
        browser.screenshots("customer-repair");

        new Workshop(statuses, assignments).change(alice, jobId, JobStatus.IN_PROGRESS);

        browser.waitForText("#job-status", "in progress");
        browser.waitForText("#timeline", "Now in progress");
    }

    @Test
    void customerDeclinesOneEstimateLine() {
        signIn(TOKENS.builder(carl).steppedUp().sign());
        browser.open("/app/#/my-jobs/" + jobId);
        browser.waitFor("[data-line='" + pads + "'] [data-decide='DECLINED']").click();

        await().atMost(Duration.ofSeconds(20)).until(() -> "DECLINED".equals(
                rows.one("select approval_status from estimate_line where id = ?", pads).get("approval_status")));
        browser.waitFor("[data-line='" + pads + "'][data-approval='DECLINED']");
        assertEquals(1L, rows.count("select count(*) from estimate_line where job_id = ?"
                + " and approval_status = 'PENDING'", jobId), "the other line still awaits the customer");
        assertEquals(List.of(), browser.texts("[data-line='" + pads + "'] [data-decide]"), "decided once");
    }

    private void signIn(String token) {
        browser.signIn(identity, token);
    }

    private List<String> sectionTitles() {
        return given().auth().oauth2(TOKENS.of(carl)).when().get("/api/v1/navigation")
                .then().statusCode(200).extract().jsonPath().getList("sections.title", String.class);
    }
}
