package com.garage.mobile.customer.partners;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.platform.partner.PartnerSignature;
import com.garage.mobile.testing.PartnerStub;
import com.garage.mobile.testing.browser.AppBrowser;
import com.garage.mobile.testing.browser.BrowserEvidence;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
import org.openqa.selenium.support.ui.Select;

/**
 * The customer web app's roadside help and recalls in headless Chromium, against the stub partner: a tow asked for
 * from the screen (browser position, consent given there) and watched live as the partner's signed webhooks move it;
 * a recall of the vehicle booked with one tap.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PartnerStub.class)
@ExtendWith(BrowserEvidence.class)
class RoadsideBrowserTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    @Inject
    CircuitBreakerMaintenance breakers;

    @OidcWireMock
    WireMockServer identity;

    PartnerWorld world;
    AppBrowser browser;

    @BeforeEach
    void carlWithHisAccordAndTheStubPartner() {
        world = PartnerWorld.withFreshRecalls(dataSource, breakers);
        browser = new AppBrowser(base);
        browser.signIn(identity, TOKENS.of(world.carl));
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void theCustomerAsksForATowFromWhereTheBrowserIsAndWatchesItComeLive() {
        // The partner takes its time to answer (the request shows as queued meanwhile) and sends no webhooks of its
        // own: the test moves the request, so each step is seen on the open screen.
        PartnerStub.stub(post("/v1/assistance-requests").atPriority(0).willReturn(aResponse().withStatus(201)
                .withFixedDelay(2000).withHeader("Content-Type", "application/json")
                .withTransformers("response-template")
                .withBody("{\"id\":\"rs-browser-{{jsonPath request.body '$.reference'}}\"}")));
        browser.driver().executeCdpCommand("Browser.grantPermissions", Map.of("origin",
                base.toString().replaceAll("/$", ""), "permissions", List.of("geolocation")));
        browser.driver().executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", 51.5007,
                "longitude", -0.1246, "accuracy", 12));
        browser.load("/app/#/roadside");
        browser.waitFor("#roadside-form");
        assertTrue(browser.texts("#roadside-consent").get(0).contains("location, vehicle, callback phone"),
                "the data the partner receives is shown before the customer agrees");
        assertEquals(List.of(), browser.seriousViolations(), "the roadside form");
        browser.screenshots("customer-roadside-form");

        new Select(browser.waitFor("#roadside-service")).selectByValue("TOW");
        browser.click("#roadside-locate");
        browser.waitForText("#roadside-located", "Found within");
        browser.waitFor("#roadside-phone").sendKeys("+44 7700 900123");
        browser.waitFor("#roadside-address").sendKeys("Westminster Bridge Rd");
        browser.click("#roadside-tow");
        browser.click("#roadside-ask");
        browser.waitForText("#roadside-notice", "agree to share");
        assertEquals(0, world.requests(), "nothing is asked before the customer agrees");

        browser.click("#roadside-agree");
        browser.click("#roadside-ask");
        browser.waitFor("#roadside-status[data-status='REQUESTED']");
        browser.waitForText("#roadside-delay", "queued");
        browser.driver().executeScript("window.stillTheSamePage = true");
        UUID requestId = UUID.fromString(browser.driver().getCurrentUrl().replaceAll(".*/", ""));
        String reference = "rs-browser-" + requestId;
        Map<String, Object> row = world.rows.one("select * from roadside_request where id = ?", requestId);
        assertEquals(world.carl.id(), row.get("customer_id"));
        assertEquals(world.accord, row.get("vehicle_id"));
        assertEquals("TOW", row.get("service"));
        assertEquals(51.5007, (Double) row.get("latitude"), 1e-6);
        assertEquals(-0.1246, (Double) row.get("longitude"), 1e-6);
        assertEquals("Westminster Bridge Rd", row.get("address"));
        assertEquals("+44 7700 900123", row.get("callback_phone"));
        assertEquals(true, row.get("tow_to_garage"));
        assertEquals(1L, world.rows.count("select count(*) from partner_consent where customer_id = ? and granted",
                world.carl.id()));
        // The partner is called as outbox work, behind whatever else is due in this test run.
        await().atMost(Duration.ofSeconds(60)).until(() -> reference.equals(world.rows.one(
                "select partner_reference from roadside_request where id = ?", requestId).get("partner_reference")));

        Instant eta = Instant.now().plus(25, ChronoUnit.MINUTES);
        webhook(reference, "accepted", eta);
        browser.waitFor("#roadside-status[data-status='ACCEPTED']");
        browser.waitForText("#roadside-eta", "Help arrives around");
        assertEquals(List.of(), browser.texts("#roadside-delay .banner"), "no longer queued once the partner took it");
        assertEquals(List.of(), browser.seriousViolations(), "the request followed live");
        browser.screenshots("customer-roadside-accepted");
        String firstEta = browser.texts("#roadside-eta").get(0);

        webhook(reference, "en_route", eta.minus(10, ChronoUnit.MINUTES));
        browser.waitFor("#roadside-status[data-status='EN_ROUTE']");
        assertTrue(!firstEta.equals(browser.texts("#roadside-eta").get(0)), "the new ETA replaces the first");
        webhook(reference, "towing", null);
        webhook(reference, "completed", null);
        browser.waitFor("#roadside-status[data-status='COMPLETED']");
        assertEquals(List.of(), browser.texts("#roadside-cancel"), "an ended request cannot be called off");
        assertEquals(List.of("accepted", "en route", "towing", "completed"), browser.texts("#roadside-timeline li")
                .stream().skip(1).map(update -> update.replaceAll("[,(].*", "").trim()).toList(),
                "each update on the timeline as it came");
        assertEquals(true, browser.driver().executeScript("return window.stillTheSamePage === true"),
                "watched without reloading");

        Map<String, Object> ended = world.rows.one("select status, eta_at, job_id from roadside_request where id = ?",
                requestId);
        assertEquals("COMPLETED", ended.get("status"));
        assertEquals(1L, world.rows.count("select count(*) from job_card where id = ? and vehicle_id = ?",
                ended.get("job_id"), world.accord), "the tow opened a job card for the advisor");
        browser.load("/app/#/roadside");
        browser.waitFor("[data-request='" + requestId + "'][data-status='COMPLETED']");

        browser.click("#roadside-withdraw");
        browser.waitForText("#roadside-notice", "Withdrawn");
        assertEquals(false, world.rows.one("select granted from partner_consent where customer_id = ?"
                + " order by id desc limit 1", world.carl.id()).get("granted"), "the latest decision withdraws it");
        assertEquals(false, browser.waitFor("#roadside-agree").isSelected());
    }

    @Test
    void theCustomerSeesTheAccordsRecallAndBooksItWithOneTap() {
        browser.load("/app/#/vehicles/" + world.accord);
        browser.waitFor("[data-recall='15V320000']");
        String recall = browser.texts("[data-recall='15V320000']").get(0);
        assertTrue(recall.contains("AIR BAGS") && recall.contains("Risk:") && recall.contains("Remedy:"), recall);
        browser.waitFor("#due-services");
        assertEquals(List.of(), browser.seriousViolations(), "the vehicle with its recall");
        browser.screenshots("customer-vehicle-recall");

        browser.click("[data-book='15V320000']");
        browser.waitFor("[data-recall='15V320000'] [data-appointment]");
        UUID appointment = UUID.fromString(browser.driver().findElement(
                By.cssSelector("[data-recall='15V320000'] [data-appointment]")).getAttribute("data-appointment"));
        assertEquals(1L, world.rows.count("select count(*) from appointment where id = ? and vehicle_id = ? and"
                + " customer_id = ? and status = 'REQUESTED' and service_requested like 'Safety recall 15V320000%'",
                appointment, world.accord, world.carl.id()));
        await().atMost(Duration.ofSeconds(20)).until(() -> world.rows.count("select count(*) from analytics_event"
                + " where name = 'appointment.requested' and journey_id = ? and app = 'customer'", appointment) == 1);
        browser.load("/app/#/vehicles/" + world.accord);
        browser.waitForText("[data-recall='15V320000']", "An appointment has been asked for.");
        assertEquals(List.of(), browser.texts("[data-book='15V320000']"), "booked once");
    }

    private void webhook(String reference, String status, Instant eta) {
        JsonObject event = new JsonObject().put("eventId", "evt-" + UUID.randomUUID()).put("requestId", reference)
                .put("status", status).put("occurredAt", Instant.now().toString());
        if (eta != null) {
            event.put("etaAt", eta.toString());
        }
        String body = event.encode();
        given().header(PartnerSignature.HEADER, PartnerSignature.header(PartnerStub.WEBHOOK_SECRET, Instant.now(),
                body.getBytes(StandardCharsets.UTF_8))).contentType(ContentType.JSON).body(body)
                .post("/webhooks/partners/" + PartnerStub.PARTNER).then().statusCode(200);
    }
}
