package com.garage.mobile.customer.app;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The customer's chat in the web app at /app/, in headless Chromium: a repair's conversation and the general one,
 * sending, live answers, read cursors, and nobody else's conversation.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@ExtendWith(BrowserEvidence.class)
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
    Person tom;
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
        tom = garage.technician("Tom Reyes");
        jobId = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).advisor(alice).status("IN_PROGRESS")
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

    /**
     * A message written without a network waits on the phone; a reload (the shell from the service worker, the
     * conversation from the offline copy) still shows it pending, and once the network is back it is sent and shown
     * once, as the stored message.
     */
    @Test
    void aMessageSentOfflineIsStillShownAfterAReloadAndSentOnce() {
        desk.send(alice, conversation, ChatChannel.CUSTOMER, "We have started on the brakes.");
        signIn(carl);
        browser.load("/app/#/my-jobs/" + jobId + "/chat");
        browser.waitForText("#messages", "We have started on the brakes.");
        browser.waitFor("body[data-copy='synced']");
        browser.waitForServiceWorker();

        browser.offline(true);
        browser.driver().findElement(By.id("chat-text")).sendKeys("Please check the wipers too.");
        browser.driver().findElement(By.cssSelector("#chat-form button[type=submit]")).click();
        browser.waitForText("#chat-notice", "Saved on this device");
        browser.driver().navigate().refresh();

        browser.waitForText("#messages [data-pending] .message__text", "Please check the wipers too.");
        assertEquals(List.of("We have started on the brakes.", "Please check the wipers too."),
                browser.texts("#messages .message__text"), "after the stored messages");
        assertEquals("Waiting for the network", browser.waitFor("[data-pending] .message__meta").getText());
        String pendingId = browser.waitFor("[data-pending]").getAttribute("data-message-id");
        assertEquals(0L, rows.count("select count(*) from chat_message where conversation_id = ? and author_id = ?",
                conversation, carl.id()), "nothing sent yet");

        browser.offline(false);

        await().atMost(Duration.ofSeconds(20)).until(() -> rows.count("select count(*) from chat_message"
                + " where conversation_id = ? and channel = 'CUSTOMER' and author_id = ? and body = ?", conversation,
                carl.id(), "Please check the wipers too.") == 1);
        Map<String, Object> stored = rows.one("select id, seq from chat_message where conversation_id = ?"
                + " and author_id = ?", conversation, carl.id());
        assertEquals(pendingId, String.valueOf(stored.get("id")), "sent under the id it was shown with");
        browser.waitFor("[data-message-id='" + pendingId + "'][data-seq='" + stored.get("seq")
                + "']:not([data-pending])");
        assertEquals(List.of("We have started on the brakes.", "Please check the wipers too."),
                browser.texts("#messages .message__text"), "shown once");
        assertTrue(browser.driver().findElements(By.cssSelector("[data-pending]")).isEmpty(), "nothing pending");
        assertEquals(1L, rows.count("select count(*) from chat_message where conversation_id = ? and author_id = ?",
                conversation, carl.id()), "sent once");
    }

    /**
     * Three in one conversation: the advisor added the technician, who answered with a photo; the customer sees it,
     * asks with a quick reply and escalates, all through the screen; the staff read it, the priority is theirs.
     */
    @Test
    void theCustomerAnswersTheTechniciansPhotoWithAQuickReplyAndEscalates() throws Throwable {
        garage.sql("insert into chat_participant (conversation_id, staff_id, garage_id, added_by, added_at)"
                + " values (?, ?, ?, ?, now())", conversation, tom.id(), garage.garageId, alice.id());
        UUID photo = garage.media(jobId, "chat-conversation", conversation, tom);
        desk.send(tom, conversation, ChatChannel.CUSTOMER, "The pads are worn, see the photo.", List.of(photo));
        signIn(carl);
        browser.open("/app/#/my-jobs/" + jobId + "/chat");
        browser.waitForText("#messages", "The pads are worn, see the photo.");
        assertEquals("Photo (image/jpeg)", browser.waitFor(".attachment[data-media-id='" + photo + "'] a").getText());
        browser.waitFor("#escalation[data-priority='NORMAL']");
        assertTrue(browser.driver().findElements(By.id("add-technician")).isEmpty(), "only advisors add people");
        assertEquals(List.of("HIGH", "URGENT"), browser.driver().findElements(By.cssSelector("#escalate-priority option"))
                .stream().map(option -> option.getAttribute("value")).toList(), "a customer only escalates");

        browser.click("[data-quick-reply='WHEN_READY']");

        await().atMost(Duration.ofSeconds(20)).until(() -> rows.count("select count(*) from chat_message where"
                + " conversation_id = ? and channel = 'CUSTOMER' and author_id = ? and kind = 'QUICK_REPLY'"
                + " and quick_reply = 'WHEN_READY' and body = 'When will it be ready?'", conversation, carl.id()) == 1);
        for (Person staff : List.of(alice, tom)) {
            List<ChatMessage> seen = VertxContextSupport.subscribeAndAwait(() -> reads.history(staff.actor(),
                    conversation, ChatChannel.CUSTOMER, null, null, 10)).items();
            assertEquals("When will it be ready?", seen.getFirst().body, staff.displayName() + " reads the question");
        }
        browser.waitFor("#escalation[data-awaiting='true']");
        assertEquals("NORMAL", priority().get("priority"), "a question alone escalates nothing");

        new Select(browser.waitFor("#escalate-priority")).selectByValue("URGENT");
        browser.driver().findElement(By.id("escalate-reason")).sendKeys("I need the car for work tomorrow");
        browser.driver().findElement(By.cssSelector("#escalate-form button[type=submit]")).click();

        browser.waitFor("#escalation[data-priority='URGENT']");
        await().atMost(Duration.ofSeconds(20)).until(() -> "URGENT".equals(priority().get("priority")));
        Map<String, Object> clock = priority();
        assertEquals("I need the car for work tomorrow", clock.get("priority_reason"));
        assertEquals(carl.id(), clock.get("priority_set_by"));
        assertNotNull(clock.get("due_at"), "the staff's answer is due on the urgent target");
        assertFalse(browser.driver().findElement(By.id("escalation")).getText().contains("due"),
                "the customer sees no deadline");
        assertEquals(1L, rows.count("select count(*) from chat_message where conversation_id = ? and author_id = ?",
                conversation, carl.id()), "one message: the escalation is no message");
        assertEquals(List.of(), browser.seriousViolations(), "a conversation with its tools");
        browser.screenshots("customer-chat-escalated");
    }

    @Test
    void theCustomerEditsAndDeletesTheirOwnMessageWhichStaysATombstone() throws Throwable {
        UUID general = desk.generalOf(carl);
        desk.send(alice, general, ChatChannel.CUSTOMER, "How can we help?");
        signIn(carl);
        browser.open("/app/#/chat/" + general);
        browser.waitForText("#messages", "How can we help?");
        assertTrue(browser.driver().findElements(By.cssSelector("[data-edit], [data-delete]")).isEmpty(),
                "nothing to change in someone else's message");
        browser.driver().findElement(By.id("chat-text")).sendKeys("Do you sell wipers");
        browser.driver().findElement(By.cssSelector("#chat-form button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(20)).until(() -> rows.count("select count(*) from chat_message where"
                + " conversation_id = ? and author_id = ?", general, carl.id()) == 1);
        UUID mine = (UUID) rows.one("select id from chat_message where conversation_id = ? and author_id = ?",
                general, carl.id()).get("id");

        browser.click("[data-edit='" + mine + "']");
        browser.waitFor("#edit-" + mine).sendKeys("?");
        browser.driver().findElement(By.cssSelector("[data-editing='" + mine + "'] button[type=submit]")).click();
        browser.waitForText("[data-message-id='" + mine + "'] .message__meta", "edited");
        Map<String, Object> edited = rows.one("select body, edited_at, seq from chat_message where id = ?", mine);
        assertEquals("Do you sell wipers?", edited.get("body"));
        assertNotNull(edited.get("edited_at"));
        assertEquals("Do you sell wipers?", history(alice, general).getFirst().body, "the advisor reads the edit");

        browser.click("[data-delete='" + mine + "']");
        assertNull(rows.one("select deleted_at from chat_message where id = ?", mine).get("deleted_at"),
                "the first tap only asks");
        browser.click("[data-delete='" + mine + "']");
        browser.waitFor("[data-message-id='" + mine + "'][data-deleted]");
        browser.waitForText("[data-message-id='" + mine + "']", "Message deleted");
        Map<String, Object> tombstone = rows.one("select body, deleted_at, seq from chat_message where id = ?", mine);
        assertNull(tombstone.get("body"));
        assertNotNull(tombstone.get("deleted_at"));
        assertEquals(edited.get("seq"), tombstone.get("seq"), "the number stays");
        assertNull(history(alice, general).getFirst().body, "the advisor sees the tombstone");
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

    private Map<String, Object> priority() {
        return rows.one("select coalesce(r.priority, 'NORMAL') as priority, r.priority_reason, r.priority_set_by,"
                + " r.due_at from chat_conversation c left join chat_response_clock r on r.conversation_id = c.id"
                + " where c.id = ?", conversation);
    }

    private List<ChatMessage> history(Person reader, UUID conversationId) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> reads.history(reader.actor(), conversationId,
                ChatChannel.CUSTOMER, null, null, 10)).items();
    }

    private void signIn(Person person) {
        browser.signIn(identity, TOKENS.of(person));
    }
}
