package com.garage.mobile.customer.app;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
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
 * Issue 14's "done when" in the customer app: an odometer reading entered in the app makes the oil service due, the
 * customer sees why and books it with one tap; offline the app shows it from its copy and sends no reading; online
 * again the customer asks about it in chat; another customer sees none of it.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@ExtendWith(BrowserEvidence.class)
class RecommendationsBrowserTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    @OidcWireMock
    WireMockServer identity;

    @Test
    void carlEntersHisOdometerSeesWhyTheOilServiceIsDueAndBooksItWhileCoraSeesNothingOfIt() {
        Rows rows = new Rows(dataSource);
        GarageFixture garage = GarageFixture.create(dataSource);
        Person carl = garage.customer("Carl", "Jensen");
        Person cora = garage.customer("Cora", "Li");
        UUID golf = garage.vehicle(carl);
        UUID corasCar = garage.vehicle(cora);
        Instant now = Instant.now();
        garage.pastService(carl, golf, "Oil change", 30_000, now.minus(Duration.ofDays(200)));
        given().auth().oauth2(TOKENS.of(carl)).contentType(ContentType.JSON)
                .body(Map.of("odometerKm", 35_000, "readAt", now.minus(Duration.ofDays(60)).toString()))
                .post("/api/v1/vehicles/{id}/telemetry", golf).then().statusCode(200);

        try (AppBrowser phone = new AppBrowser(base)) {
            phone.signIn(identity, TOKENS.of(carl));
            phone.load("/app/#/recommendations");
            phone.waitFor("[data-vehicle='" + golf + "'] .muted");
            assertTrue(phone.driver().findElements(By.cssSelector("[data-kind='SERVICE_DUE']")).isEmpty(),
                    "nothing due before the reading");
            phone.retrying(() -> phone.waitFor("#odometer-" + golf).sendKeys("44500"));
            phone.click("[data-odometer='" + golf + "'] button[type='submit']");

            String oil = "[data-vehicle='" + golf + "'] [data-kind='SERVICE_DUE']";
            phone.waitForText(oil + " .card__title", "Oil and filter change is due soon");
            phone.waitForText(oil + " .reasons", "at 30,000 km");
            phone.waitForText(oil + " .reasons", "reaches 45,000 km");
            phone.waitForText(oil + " .evidence", "30,000");
            phone.waitForText("#notice", "Reading of 44,500 km saved.");
            assertEquals(44_500, rows.one("select odometer_km from odometer_reading where vehicle_id = ?"
                    + " order by read_at desc limit 1", golf).get("odometer_km"));
            assertEquals(List.of(), phone.seriousViolations(), "the recommendations");
            phone.screenshots("customer-recommendations");

            phone.click(oil + " [data-act='BOOK']");
            phone.waitFor(oil + "[data-status='BOOKED'] [data-appointment]");
            phone.waitForText(oil + " [data-appointment]", "Appointment requested for");
            phone.waitForText("#notice", "Booked: \"Oil and filter change is due soon\"");
            Map<String, Object> booked = rows.one("select id, status, appointment_id from recommendation"
                    + " where vehicle_id = ? and kind = 'SERVICE_DUE' and title like 'Oil%'", golf);
            assertEquals("BOOKED", booked.get("status"));
            Map<String, Object> appointment = rows.one("select customer_id, status, service_requested from appointment"
                    + " where id = ? and vehicle_id = ?", booked.get("appointment_id"), golf);
            assertEquals(carl.id(), appointment.get("customer_id"));
            assertEquals("REQUESTED", appointment.get("status"));
            assertEquals("Recommended: Oil and filter change is due soon", appointment.get("service_requested"));
            assertEquals(String.valueOf(booked.get("appointment_id")),
                    phone.waitFor(oil + " [data-appointment]").getAttribute("data-appointment"));
            assertTrue(phone.driver().findElements(By.cssSelector(oil + " [data-act='BOOK']")).isEmpty(),
                    "booked once");
            await().atMost(Duration.ofSeconds(20)).until(() -> rows.count("select count(*) from analytics_event"
                    + " where name = 'appointment.requested' and journey_id = ?", booked.get("appointment_id")) == 1);

            phone.load("/app/#/recommendations");
            phone.waitFor("body[data-copy='synced']");
            phone.waitForServiceWorker();
            phone.offline(true);
            phone.driver().navigate().refresh();
            phone.waitForText(oil + "[data-status='BOOKED'] .reasons", "reaches 45,000 km");
            phone.retrying(() -> phone.waitFor("#odometer-" + golf).sendKeys("44600"));
            phone.click("[data-odometer='" + golf + "'] button[type='submit']");
            phone.waitForText("#notice", "This needs a connection");
            assertEquals(2L, rows.count("select count(*) from odometer_reading where vehicle_id = ?", golf),
                    "nothing sent without a network");
            phone.offline(false);

            phone.click(oil + " [data-act='ASK_IN_CHAT']");
            await().atMost(Duration.ofSeconds(20)).until(() -> String.valueOf(phone.waitFor("#chat-text")
                    .getDomProperty("value")).startsWith("About \"Oil and filter change is due soon\""));

            given().auth().oauth2(TOKENS.of(cora)).get("/api/v1/vehicles/{id}/recommendations", golf).then()
                    .statusCode(404);
            try (AppBrowser other = new AppBrowser(base)) {
                other.signIn(identity, TOKENS.of(cora));
                other.load("/app/#/recommendations");
                other.waitForText("[data-vehicle='" + corasCar + "']", "Nothing due for this vehicle.");
                assertFalse(other.driver().getPageSource().contains(String.valueOf(booked.get("id"))));
                assertTrue(other.driver().findElements(By.cssSelector("[data-vehicle='" + golf + "']")).isEmpty());
            }
        }
    }
}
