package com.garage.mobile.customer.app;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.inspection.InspectionLifecycle;
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
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A repair's published inspection in the customer web app, in headless Chromium with a real object store (s3proxy):
 * it appears live when the advisor publishes, with its customer-visible items, colours and photo; another customer
 * sees none of it.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(S3ProxyResource.class)
@ExtendWith(BrowserEvidence.class)
class InspectionBrowserTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    @Inject
    InspectionLifecycle lifecycle;

    @Inject
    S3Client s3;

    @OidcWireMock
    WireMockServer identity;

    GarageFixture garage;
    Person alice;
    Person carl;
    UUID jobId;
    UUID tyre;
    UUID photo;
    AppBrowser browser;

    @BeforeEach
    void completedInspectionWithAPhoto() {
        Rows rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        alice = garage.advisor("Alice Morgan");
        Person tom = garage.technician("Tom Reyes");
        carl = garage.customer("Carl", "Jensen");
        jobId = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).advisor(alice).status("IN_PROGRESS").create();
        UUID inspection = garage.inspection(jobId, garage.inspectionTemplate(alice), tom);
        tyre = (UUID) rows.one("select id from inspection_item where inspection_id = ? and item_key = 'tyre-front-left'",
                inspection).get("id");
        garage.sql("update inspection_item set condition = 'RED', note = 'Cord showing on the inside edge',"
                + " measurements = '{\"tread\": 1.4}' where id = ?", tyre);
        garage.sql("update inspection_item set condition = 'GREEN', note = 'Loose heat shield'"
                + " where inspection_id = ? and item_key = 'workshop-checks'", inspection);
        garage.sql("update inspection set status = 'COMPLETED', completed_at = now() where id = ?", inspection);
        photo = garage.media(jobId, "inspection-item", tyre, tom);
        String key = (String) rows.one("select thumbnail_key from media where id = ?", photo).get("thumbnail_key");
        s3.putObject(put -> put.bucket(S3ProxyResource.BUCKET).key(key).contentType("image/jpeg"),
                RequestBody.fromBytes(TestPhotos.jpeg(320, 240)));
        browser = new AppBrowser(base);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void thePublishedInspectionAppearsLiveWithItsVisibleItemAndPhoto() throws Throwable {
        browser.signIn(identity, TOKENS.of(carl));
        browser.load("/app/#/my-jobs/" + jobId);
        browser.waitForText("#inspection", "not shared an inspection yet");
        assertFalse(browser.driver().getPageSource().contains("Cord showing"), "nothing before it is published");

        VertxContextSupport.subscribeAndAwait(() -> lifecycle.publish(alice.actor(), jobId, 0));

        browser.waitFor("#inspection [data-item='" + tyre + "'][data-condition='RED']");
        browser.waitForText("#inspection", "Cord showing on the inside edge");
        browser.waitForText("#inspection", "Tread depth: 1.4 mm");
        assertEquals(List.of("red"), browser.texts("#inspection .chip--red"));
        assertFalse(browser.driver().getPageSource().contains("Loose heat shield"), "the internal item stays hidden");
        String image = "#inspection [data-media-id='" + photo + "'] img";
        browser.waitFor(image);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(browser.driver()
                .executeScript("const img = document.querySelector(arguments[0]);"
                        + " return img.complete && img.naturalWidth === 320;", image)));
        assertTrue(browser.driver().findElement(By.cssSelector(image)).getAttribute("src").contains(photo.toString()),
                "the photo's own signed thumbnail");
        assertEquals(List.of(), browser.seriousViolations(), "a repair with its inspection");
        browser.screenshots("customer-inspection");
    }

    @Test
    void anotherCustomerSeesNothingOfIt() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> lifecycle.publish(alice.actor(), jobId, 0));
        Person cora = garage.customer("Cora", "Li");

        browser.signIn(identity, TOKENS.of(cora));
        browser.load("/app/#/my-jobs/" + jobId);
        browser.waitFor(".banner--error");
        assertTrue(browser.driver().findElements(By.cssSelector("[data-media-id], [data-item]")).isEmpty());
        assertFalse(browser.driver().getPageSource().contains("Cord showing"));
    }
}
