package com.garage.mobile.customer.app;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import com.garage.mobile.testing.browser.AppBrowser;
import com.garage.mobile.testing.browser.BrowserEvidence;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Turning on pushes in the browser: with the server's VAPID key the app asks the browser to subscribe and registers
 * the subscription as a WEB device. Chromium subscribes through its vendor's push service; where it cannot reach
 * one, as on a machine without internet, the person is told so and nothing is registered.
 */
@QuarkusTest
@TestProfile(WebPushBrowserTest.WebPushKeys.class)
@WithTestResource(OidcWiremockTestResource.class)
@ExtendWith(BrowserEvidence.class)
class WebPushBrowserTest {

    /** A VAPID key pair made for this test with openssl (the public point and the private scalar, base64url). */
    public static class WebPushKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("garage.push.web.vapid-public-key",
                    "BNA4Z5rYFoClx9paZEFCVPGxn1Xjsa7RNyO6ZVI9Rjxy1TsviY4CEgBEdasEQN94TA6HizyDc23IU4YklmoGIi4",
                    "garage.push.web.vapid-private-key", "4Tg5FcRyaGVjLplTQMXWBn--50f0fXfeoboCp_lAJBU");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    @OidcWireMock
    WireMockServer identity;

    @Test
    void carlTurnsOnPushesOnThisBrowserAndIsToldPlainlyWhenItsPushServiceIsOutOfReach() {
        GarageFixture garage = GarageFixture.create(dataSource);
        Person carl = garage.customer("Carl", "Jensen");
        Rows rows = new Rows(dataSource);
        try (AppBrowser browser = new AppBrowser(base)) {
            browser.signIn(identity, TOKENS.of(carl));
            browser.load("/app/#/notifications");
            browser.waitFor("#push-device[data-state='off']");
            browser.waitForServiceWorker();
            assertEquals(List.of(), browser.seriousViolations(), "the notification settings with this device");
            browser.allowNotifications();
            browser.click("#push-on");
            browser.waitFor("#push-device[data-state='on'], #push-device .banner");
            if (browser.driver().findElements(By.cssSelector("#push-device .banner")).isEmpty()) {
                assertEquals(Map.of("platform", "WEB", "customer_id", carl.id()), rows.one("select platform,"
                        + " customer_id from push_device where garage_id = ? and token like 'https://%'",
                        garage.garageId), "registered with the subscription's endpoint");
            } else {
                browser.waitForText("#push-device .banner", "could not reach its push service");
                assertEquals(0L, rows.count("select count(*) from push_device where garage_id = ?", garage.garageId),
                        "nothing registered");
            }
        }
    }
}
