package com.garage.mobile.technician.app;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.chat.ChatChannel;
import com.garage.mobile.domain.chat.ChatMessage;
import com.garage.mobile.domain.chat.ChatMessages;
import com.garage.mobile.domain.chat.ChatReads;
import com.garage.mobile.testing.ChatDesk;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import com.garage.mobile.testing.browser.AppBrowser;
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
import org.openqa.selenium.By;

/**
 * A job's conversation in the technician web app at /app/, in headless Chromium: the advisor answers the customer
 * and follows the workshop channel live; a technician on the job sees the workshop channel only, opens it from the
 * offline copy and sends from it without a network, once.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class StaffChatBrowserTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    @Inject
    ChatMessages messages;

    @Inject
    ChatReads reads;

    @OidcWireMock
    WireMockServer identity;

    Rows rows;
    ChatDesk desk;
    Person alice;
    Person tom;
    Person carl;
    UUID jobId;
    UUID conversation;
    AppBrowser browser;

    @BeforeEach
    void openBrowser() {
        rows = new Rows(dataSource);
        desk = new ChatDesk(messages, rows);
        GarageFixture garage = GarageFixture.create(dataSource);
        alice = garage.advisor("Alice Morgan");
        tom = garage.technician("Tom Reyes");
        carl = garage.customer("Carl", "Jensen");
        jobId = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).advisor(alice).step("Inspect the brakes")
                .create();
        conversation = desk.conversationOfJob(jobId);
        browser = new AppBrowser(base);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void theAdvisorAnswersTheCustomerAndSeesTheWorkshopChannelLive() throws Throwable {
        desk.send(carl, conversation, ChatChannel.CUSTOMER, "When will it be ready?");
        signIn(alice);
        browser.open("/app/#/chat");
        browser.waitFor("[data-conversation='" + conversation + "'] [data-unread='1']").click();
        browser.waitForText("#messages", "When will it be ready?");
        browser.waitFor("[data-channel='CUSTOMER'][aria-pressed='true']");
        assertEquals(List.of(), browser.seriousViolations(), "a job's conversation");
        browser.screenshots("staff-chat");

        browser.driver().findElement(By.id("chat-text")).sendKeys("Ready at five.");
        browser.driver().findElement(By.cssSelector("#chat-form button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(20)).until(() -> rows.count("select count(*) from chat_message"
                + " where conversation_id = ? and channel = 'CUSTOMER' and author_id = ? and body = 'Ready at five.'",
                conversation, alice.id()) == 1);
        List<ChatMessage> seenByCarl = VertxContextSupport.subscribeAndAwait(() -> reads.history(carl.actor(),
                conversation, ChatChannel.CUSTOMER, null, null, 10)).items();
        assertEquals("Ready at five.", seenByCarl.getFirst().body, "the customer reads the answer");

        desk.send(tom, conversation, ChatChannel.WORKSHOP, "Pads are worn to 2 mm.");
        browser.waitFor("[data-channel='WORKSHOP'] [data-unread='1']").click();
        browser.waitForText("#messages", "Pads are worn to 2 mm.");
        assertFalse(browser.texts("#messages").getFirst().contains("Ready at five."), "one channel at a time");
        await().atMost(Duration.ofSeconds(20)).until(() -> rows.count("select count(*) from chat_read_cursor where"
                + " conversation_id = ? and channel = 'WORKSHOP' and person_id = ? and read_seq = 1", conversation,
                alice.id()) == 1);
    }

    @Test
    void aTechnicianOnTheJobSeesTheWorkshopOnlyAndReadsAndSendsWithoutANetworkOnce() {
        desk.send(carl, conversation, ChatChannel.CUSTOMER, "Please call me on 0161 555 0199");
        desk.send(alice, conversation, ChatChannel.WORKSHOP, "Check the discs too.");
        signIn(tom);
        browser.open("/app/#/my-jobs/" + jobId);
        browser.waitFor("#open-chat").click();
        browser.waitForText("#messages", "Check the discs too.");
        assertTrue(browser.driver().findElements(By.id("channels")).isEmpty(), "no channel to switch to");
        assertFalse(browser.driver().getPageSource().contains("0161 555 0199"), "the customer channel stays hidden");

        browser.waitFor("body[data-copy='synced']");
        browser.waitForServiceWorker();

        browser.offline(true);
        browser.driver().navigate().refresh();
        browser.waitForText("#messages", "Check the discs too.");
        assertFalse(browser.driver().getPageSource().contains("0161 555 0199"), "nor in the offline copy");
        browser.driver().findElement(By.id("chat-text")).sendKeys("Discs are fine.");
        browser.driver().findElement(By.cssSelector("#chat-form button[type=submit]")).click();
        browser.waitForText("#chat-notice", "Saved on this device");
        assertEquals(0L, rows.count("select count(*) from chat_message where conversation_id = ? and author_id = ?",
                conversation, tom.id()));

        browser.offline(false);
        await().atMost(Duration.ofSeconds(20)).until(() -> rows.count("select count(*) from chat_message where"
                + " conversation_id = ? and channel = 'WORKSHOP' and author_id = ? and body = 'Discs are fine.'",
                conversation, tom.id()) == 1);
        browser.waitFor("[data-seq='2'][data-message-id]");
        assertEquals(1L, rows.count("select count(*) from chat_message where conversation_id = ? and author_id = ?",
                conversation, tom.id()), "sent once");
    }

    private void signIn(Person person) {
        browser.signIn(identity, TOKENS.of(person), person.displayName());
    }
}
