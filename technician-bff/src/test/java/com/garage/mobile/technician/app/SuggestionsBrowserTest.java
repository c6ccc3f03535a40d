package com.garage.mobile.technician.app;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Issue 14's "done when" on the job card: the technician on a job with P0301 sees suggested checks with their
 * reasons, and what the garage's own misfire jobs did once its model learned them; the advisor also sees the
 * vehicle's declined work at check-in.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@ExtendWith(BrowserEvidence.class)
class SuggestionsBrowserTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    @OidcWireMock
    WireMockServer identity;

    @Test
    void theTechnicianSeesReasonedChecksForP0301AndTheAdvisorTheVehiclesDeclinedWork() {
        GarageFixture garage = GarageFixture.create(dataSource);
        Person tom = garage.technician("Tom Reyes");
        Person alice = garage.advisor("Alice Morgan");
        Person carl = garage.customer("Carl", "Jensen");
        for (int i = 0; i < 4; i++) {
            Person owner = garage.customer("Owner", "No" + i);
            UUID vehicle = garage.vehicle(owner);
            UUID closed = garage.job(owner, vehicle).step("Replace spark plugs").status("CLOSED").create();
            garage.sql("update job_step set status = 'DONE' where job_id = ?", closed);
            garage.sql("insert into vehicle_trouble_code (garage_id, vehicle_id, code, first_seen_at, last_seen_at,"
                    + " source, job_id) values (?, ?, 'P0301', now(), now(), 'CHECK_IN', ?)", garage.garageId,
                    vehicle, closed);
        }
        UUID golf = garage.vehicle(carl);
        Instant twoMonthsAgo = Instant.now().minus(Duration.ofDays(60));
        UUID earlier = garage.job(carl, golf).part("Rear wiper blade", "WB-1", 1900, 900).status("CLOSED")
                .createdAt(twoMonthsAgo).closedAt(twoMonthsAgo).create();
        garage.sql("update estimate_line set approval_status = 'DECLINED', decided_at = now() - interval '30 days'"
                + " where job_id = ?", earlier);
        UUID job = garage.job(carl, golf).assignedTo(tom).advisor(alice).status("IN_PROGRESS")
                .step("Diagnose the misfire").create();
        given().auth().oauth2(TOKENS.of(tom)).contentType(ContentType.JSON)
                .body(Map.of("codes", List.of("P0301"), "odometerKm", 80_000, "jobId", job.toString()))
                .post("/api/v1/vehicles/{id}/telemetry", golf).then().statusCode(200);
        given().auth().oauth2(TOKENS.of(alice)).post("/api/v1/admin/recommendations/model").then().statusCode(200);

        try (AppBrowser phone = new AppBrowser(base)) {
            phone.signIn(identity, TOKENS.of(tom));
            phone.load("/app/#/my-jobs/" + job);
            String check = "#suggestions [data-suggestion='check spark plugs']";
            phone.waitFor(check + "[data-source='TROUBLE_CODE']");
            phone.waitForText(check + " .reasons", "Code P0301 means engine misfire.");
            String learned = "#suggestions [data-suggestion='replace spark plugs'][data-source='MODEL']";
            phone.waitForText(learned + " .reasons",
                    "4 of 4 jobs here with code P0301 included \"replace spark plugs\"");
            phone.waitForText("#suggestions", "Codes considered: P0301.");
            assertTrue(phone.driver().findElements(By.id("vehicle-recommendations")).isEmpty(),
                    "a technician's section does not list managing recommendations");
            assertEquals(List.of(), phone.seriousViolations(), "the job card with its suggestions");
            phone.screenshots("job-suggestions");
        }
        try (AppBrowser desk = new AppBrowser(base)) {
            desk.signIn(identity, TOKENS.of(alice));
            desk.load("/app/#/workshop/" + job);
            desk.waitForText("#vehicle-recommendations [data-kind='DECLINED_FOLLOW_UP']", "Rear wiper blade");
            desk.waitForText("#vehicle-recommendations [data-kind='DECLINED_FOLLOW_UP'] .reasons",
                    "You declined \"Rear wiper blade\"");
            desk.waitFor("#suggestions [data-suggestion='check spark plugs']");
            assertEquals(List.of(), desk.seriousViolations(), "the advisor's job card with the check-in list");
        }
    }
}
