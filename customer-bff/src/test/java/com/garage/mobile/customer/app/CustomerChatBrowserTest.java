package com.garage.mobile.customer.app;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.openqa.selenium.WebElement;

/**
 * The customer's chat in the web app at /app/, in headless Chromium: a repair's conversation and the general one,
 * sending, live answers, read cursors, and nobody else's conversation.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class CustomerChatBrowserTest {

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
    GarageFixture garage;
    ChatDesk desk;
    Person alice;
    Person carl;
    Person cora;
    UUID jobId;
    UUID conversation;
    AppBrowser browser;

    @BeforeEach
    void openBrowser() {
        rows = new Rows(dataSource);
        desk = new ChatDesk(messages, rows);
        garage = GarageFixture.create(dataSource);
        alice = garage.advisor("Alice Morgan");
        carl = garage.customer("Carl", "Jensen");
        cora = garage.customer("Cora", "Li");
        jobId = garage.job(carl, garage.vehicle(carl)).advisor(alice).status("IN_PROGRESS")
                .step("Inspect the brakes").create();
        conversation = desk.conversationOfJob(jobId);
        browser = new AppBrowser(base);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void theCustomerAsksAboutTheRepairAndTheAdvisorReadsItOnce() throws Throwable {
        desk.send(alice, conversation, ChatChannel.CUSTOMER, "We have started on the brakes.");
        signIn(carl);
        browser.open("/app/#/my-jobs/" + jobId);
        browser.waitFor("#open-chat").click();
        browser.waitForText("#messages", "We have started on the brakes.");
        assertEquals(List.of(), browser.seriousViolations(), "a repair's conversation");
        browser.screenshots("customer-chat");

        browser.driver().findElement(By.id("chat-text")).sendKeys("When will it be ready?");
        browser.driver().findElement(By.cssSelector("#chat-form button[type=submit]")).click();

        await().atMost(Duration.ofSeconds(20)).until(() -> rows.count("select count(*) from chat_message"
                + " where conversation_id = ? and author_id = ? and body = ?", conversation, carl.id(),
                "When will it be ready?") == 1);
        List<ChatMessage> seenByAlice = VertxContextSupport.subscribeAndAwait(() -> reads.history(alice.actor(),
                conversation, ChatChannel.CUSTOMER, null, null, 10)).items();
        assertEquals("When will it be ready?", seenByAlice.getFirst().body, "the advisor reads it, newest first");
        browser.waitFor("[data-message-id='" + seenByAlice.getFirst().id + "']:not([data-pending])");
        await().atMost(Duration.ofSeconds(20)).until(() -> rows.count("select count(*) from chat_read_cursor"
                + " where conversation_id = ? and person_id = ? and read_seq = 2", conversation, carl.id()) == 1);
        assertEquals(1L, rows.count("select count(*) from chat_message where conversation_id = ? and author_id = ?",
                conversation, carl.id()), "sent once");
    }

    @Test
    void anAdvisorsAnswerAppearsLiveInTheOpenGeneralConversationAndIsMarkedRead() {
        UUID general = desk.generalOf(carl);
        desk.send(carl, general, ChatChannel.CUSTOMER, "Do you do tyre storage?");
        desk.send(alice, general, ChatChannel.CUSTOMER, "We do.");
        signIn(carl);
        browser.open("/app/#/chat");
        browser.waitFor("[data-conversation='" + general + "'] [data-unread='1']");
        assertEquals(List.of(), browser.seriousViolations(), "my conversations");
        browser.screenshots("customer-conversations");
        browser.driver().findElement(By.cssSelector("[data-conversation='" + general + "']")).click();
        browser.waitForText("#messages", "We do.");

        desk.send(alice, general, ChatChannel.CUSTOMER, "Winter tyres go in from November.");

        browser.waitForText("#messages", "Winter tyres go in from November.");
        await().atMost(Duration.ofSeconds(20)).until(() -> rows.count("select count(*) from chat_read_cursor"
                + " where conversation_id = ? and person_id = ? and read_seq = 3", general, carl.id()) == 1);
        assertEquals(List.of("Do you do tyre storage?", "We do.", "Winter tyres go in from November."),
                browser.texts("#messages .message__text"), "in order of their numbers");
    }

    @Test
    void anAdvisorsPhotoOpensFromItsSignedLinkForTheCustomer() {
        UUID general = desk.generalOf(carl);
        UUID photo = garage.media(null, "chat-conversation", general, alice);
        desk.send(alice, general, ChatChannel.CUSTOMER, "Your receipt", List.of(photo));
        signIn(carl);
        browser.open("/app/#/chat/" + general);
        WebElement link = browser.waitFor(".attachment[data-media-id='" + photo + "'] a");
        assertEquals("Photo (image/jpeg)", link.getText());
        // Where the new tab would go: the test keeps the address instead of leaving for the object store.
        browser.driver().executeScript("window.open = () => (window.openedTab = { location: null, close() {} });");

        link.click();

        await().atMost(Duration.ofSeconds(20)).until(() -> browser.driver()
                .executeScript("return window.openedTab && window.openedTab.location") != null);
        String opened = String.valueOf(browser.driver().executeScript("return String(window.openedTab.location)"));
        assertTrue(opened.contains(photo.toString()) && opened.contains("X-Amz-Signature"), opened);
    }

    @Test
    void olderMessagesArePagedInOnRequest() {
        UUID general = desk.generalOf(carl);
        for (int i = 1; i <= 32; i++) {
            desk.send(i % 2 == 0 ? alice : carl, general, ChatChannel.CUSTOMER, "Message " + i);
        }
        signIn(carl);
        browser.open("/app/#/chat/" + general);
        browser.waitForText("#messages", "Message 32");
        assertEquals(30, browser.texts("#messages .message__text").size(), "the newest page");

        browser.waitFor("#earlier").click();
        await().atMost(Duration.ofSeconds(20)).until(() -> browser.texts("#messages .message__text").size() == 32);
        List<String> texts = browser.texts("#messages .message__text");
        assertEquals("Message 1", texts.getFirst());
        assertEquals("Message 32", texts.getLast());
        assertTrue(browser.driver().findElements(By.cssSelector("#earlier")).stream().noneMatch(b -> b.isDisplayed()),
                "nothing older");
    }

    @Test
    void anotherCustomersConversationsAreNotReachable() {
        desk.send(carl, desk.generalOf(carl), ChatChannel.CUSTOMER, "My door code is 4711");
        signIn(cora);
        for (String path : List.of("/app/#/chat/" + desk.generalOf(carl), "/app/#/chat/" + conversation,
                "/app/#/my-jobs/" + jobId + "/chat")) {
            browser.open("/app/#/my-jobs");
            browser.waitForText("#main", "No repairs yet.");
            browser.open(path);
            browser.waitFor(".banner--error");
            assertTrue(browser.texts("#messages").isEmpty(), path);
            assertTrue(browser.driver().getPageSource().indexOf("4711") < 0, path);
        }
        browser.open("/app/#/chat");
        browser.waitFor("#conversations");
        assertEquals(List.of(desk.generalOf(cora).toString()), browser.driver()
                .findElements(By.cssSelector("[data-conversation]")).stream()
                .map(link -> link.getAttribute("data-conversation")).toList());
    }

    private void signIn(Person person) {
        browser.signIn(identity, TOKENS.of(person), person.displayName());
    }
}
