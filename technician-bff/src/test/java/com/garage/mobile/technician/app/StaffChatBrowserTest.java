package com.garage.mobile.technician.app;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.api.chat.EscalationView;
import com.garage.mobile.domain.chat.ChatChannel;
import com.garage.mobile.domain.chat.ChatMessage;
import com.garage.mobile.domain.chat.ChatMessages;
import com.garage.mobile.domain.chat.ChatReads;
import com.garage.mobile.domain.chat.escalation.Escalations;
import com.garage.mobile.testing.ChatDesk;
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
import java.nio.file.Path;
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
 * A job's conversation in the technician web app at /app/, in headless Chromium: the advisor answers the customer
 * and follows the workshop channel live; a technician on the job sees the workshop channel only, opens it from the
 * offline copy and sends from it without a network, once; the advisor adds the technician, who answers the customer
 * with a photo uploaded from the screen and escalates.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(S3ProxyResource.class)
@ExtendWith(BrowserEvidence.class)
class StaffChatBrowserTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    @Inject
    ChatMessages messages;

    @Inject
    ChatReads reads;

    @Inject
    Escalations escalations;

    @OidcWireMock
    WireMockServer identity;

    Rows rows;
    ChatDesk desk;
    Person alice;
    Person bob;
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
        bob = garage.advisor("Bob Hale");
        tom = garage.technician("Tom Reyes");
        garage.technician("Tina Kowalski");
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
    void aTechnicianOnTheJobSeesTheWorkshopOnlyAndSendsTextAndAPhotoWithoutANetworkOnce() {
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
        browser.driver().findElement(By.id("chat-text")).sendKeys("The pads, for the file");
        browser.waitFor("#chat-photo").sendKeys(TestPhotos.jpegFile("pads-offline.jpg", 640, 480).toString());
        browser.waitForText("[data-pending]:last-child", "Waiting for the network");
        assertEquals(0L, rows.count("select count(*) from chat_message where conversation_id = ? and author_id = ?",
                conversation, tom.id()));
        assertEquals(0L, rows.count("select count(*) from media where uploaded_by = ?", tom.id()),
                "the photo waits on the phone");

        browser.offline(false);
        await().atMost(Duration.ofSeconds(20)).until(() -> rows.count("select count(*) from chat_message where"
                + " conversation_id = ? and channel = 'WORKSHOP' and author_id = ? and body = 'Discs are fine.'",
                conversation, tom.id()) == 1);
        // The photo is uploaded once the network is back, checked in the background, then its message is sent.
        await().atMost(Duration.ofSeconds(60)).until(() -> rows.count("select count(*) from chat_message m join media md"
                + " on md.target_type = 'chat-message' and md.target_id = m.id where m.conversation_id = ?"
                + " and m.author_id = ? and m.body = 'The pads, for the file' and md.status = 'STORED'"
                + " and md.kind = 'PHOTO'", conversation, tom.id()) == 1);
        browser.waitFor("[data-seq='3'][data-message-id] .attachment[data-media-id]");
        assertEquals(2L, rows.count("select count(*) from chat_message where conversation_id = ? and author_id = ?",
                conversation, tom.id()), "each sent once");
        assertEquals(1L, rows.count("select count(*) from media where uploaded_by = ?", tom.id()), "uploaded once");
    }

    /**
     * Three in one conversation, through the screens: the advisor adds the technician to the customer's channel and
     * raises the priority; the technician, seen typing, answers the customer with a photo (tus from a file) and
     * escalates to urgent,
     * which the advisor's open conversation shows live. The customer reads the answer and its photo, not the reasons.
     * The advisor then hands the conversation over to another advisor and takes the technician off it.
     */
    @Test
    void theAdvisorAddsTheTechnicianWhoAnswersTheCustomerWithAPhotoAndEscalates() throws Throwable {
        Path photo = TestPhotos.jpegFile("pads.jpg", 800, 600);
        desk.send(carl, conversation, ChatChannel.CUSTOMER, "Is it safe to drive?");
        assertThrows(Exception.class, () -> history(tom, ChatChannel.CUSTOMER), "not added yet: the workshop only");
        signIn(alice);
        browser.load("/app/#/chat/" + conversation);
        browser.waitForText("#messages", "Is it safe to drive?");
        browser.waitFor("#escalation[data-priority='NORMAL'][data-awaiting='true']");

        browser.waitFor("#add-technician:not([hidden])");
        assertEquals(List.of("Tina Kowalski", "Tom Reyes"), new Select(browser.waitFor("#technician")).getOptions()
                .stream().map(WebElement::getText).toList(), "the garage's technicians, not only the job's");
        new Select(browser.waitFor("#technician")).selectByVisibleText("Tom Reyes");
        browser.driver().findElement(By.cssSelector("#add-technician button[type=submit]")).click();
        browser.waitForText("#chat-notice", "Tom Reyes now reads and writes with the customer too.");
        assertEquals(1L, rows.count("select count(*) from chat_participant where conversation_id = ? and staff_id = ?"
                + " and added_by = ?", conversation, tom.id(), alice.id()));
        assertEquals("Is it safe to drive?", history(tom, ChatChannel.CUSTOMER).getFirst().body,
                "the technician now reads the customer");

        new Select(browser.waitFor("#escalate-priority")).selectByValue("HIGH");
        browser.driver().findElement(By.id("escalate-reason")).sendKeys("Brakes: answer today");
        browser.driver().findElement(By.cssSelector("#escalate-form button[type=submit]")).click();
        browser.waitFor("#escalation[data-priority='HIGH']");
        assertEquals(Map.of("priority", "HIGH", "priority_set_by", alice.id()), rows.one("select priority,"
                + " priority_set_by from chat_response_clock where conversation_id = ?", conversation));
        assertEquals(List.of(), browser.seriousViolations(), "the advisor's conversation with its tools");
        browser.screenshots("staff-chat-tools");

        try (AppBrowser phone = new AppBrowser(base)) {
            phone.signIn(identity, TOKENS.of(tom));
            phone.load("/app/#/my-jobs/" + jobId + "/chat");
            phone.click("[data-channel='CUSTOMER']");
            phone.waitForText("#messages", "Is it safe to drive?");
            assertTrue(phone.driver().findElements(By.id("add-technician")).isEmpty(), "technicians add nobody");
            phone.waitFor("#chat-text").sendKeys("Not with these pads, see the photo.");
            browser.waitForText("#typing", "Tom Reyes is typing");
            phone.retrying(() -> phone.waitFor("#chat-photo").sendKeys(photo.toString()));

            await().atMost(Duration.ofSeconds(60)).until(() -> rows.count("select count(*) from chat_message where"
                    + " conversation_id = ? and channel = 'CUSTOMER' and author_id = ? and body = ?", conversation,
                    tom.id(), "Not with these pads, see the photo.") == 1);
            Map<String, Object> answer = rows.one("select m.id, md.id as media_id, md.status, md.kind, md.uploaded_by"
                    + " from chat_message m join media md on md.target_type = 'chat-message' and md.target_id = m.id"
                    + " where m.conversation_id = ? and m.author_id = ?", conversation, tom.id());
            assertEquals("STORED", answer.get("status"));
            assertEquals("PHOTO", answer.get("kind"));
            assertEquals(tom.id(), answer.get("uploaded_by"));
            ChatMessage seenByCarl = history(carl, ChatChannel.CUSTOMER).getFirst();
            assertEquals("Not with these pads, see the photo.", seenByCarl.body, "the customer reads the answer");
            assertEquals(answer.get("media_id"), seenByCarl.attachments.getFirst().mediaId(), "with its photo");
            phone.waitFor("[data-message-id='" + answer.get("id") + "']:not([data-pending])"
                    + " .attachment[data-media-id='" + answer.get("media_id") + "']");
            browser.waitFor(".attachment[data-media-id='" + answer.get("media_id") + "']");

            assertEquals(List.of("HIGH", "URGENT"), phone.driver().findElements(By.cssSelector(
                    "#escalate-priority option")).stream().map(o -> o.getAttribute("value")).toList());
            new Select(phone.waitFor("#escalate-priority")).selectByValue("URGENT");
            phone.driver().findElement(By.id("escalate-reason")).sendKeys("Customer is stranded");
            phone.driver().findElement(By.cssSelector("#escalate-form button[type=submit]")).click();
            phone.waitFor("#escalation[data-priority='URGENT']");
        }
        assertEquals(Map.of("priority", "URGENT", "priority_set_by", tom.id()), rows.one("select priority,"
                + " priority_set_by from chat_response_clock where conversation_id = ?", conversation));
        browser.waitFor("#escalation[data-priority='URGENT']");
        browser.waitForText("#escalation", "Customer is stranded");
        EscalationView seenByCarl = EscalationView.of(VertxContextSupport.subscribeAndAwait(
                () -> escalations.state(carl.actor(), conversation)), carl.actor());
        assertEquals("URGENT", seenByCarl.priority(), "the customer sees the priority");
        assertNull(seenByCarl.reason(), "not the technician's reason");
        assertNull(seenByCarl.dueAt(), "nor the deadline");

        browser.waitFor("#hand-over:not([hidden])");
        new Select(browser.waitFor("#advisor")).selectByVisibleText("Bob Hale");
        browser.driver().findElement(By.cssSelector("#hand-over button[type=submit]")).click();
        browser.waitForText("#escalation", "Bob Hale answers");
        assertEquals(bob.id(), rows.one("select assigned_advisor_id from chat_response_clock where conversation_id = ?",
                conversation).get("assigned_advisor_id"));
        new Select(browser.waitFor("#technician")).selectByVisibleText("Tom Reyes");
        browser.click("#take-off-technician");
        browser.waitForText("#chat-notice", "Tom Reyes no longer reads the customer channel.");
        assertEquals(0L, rows.count("select count(*) from chat_participant where conversation_id = ? and staff_id = ?",
                conversation, tom.id()));
        assertThrows(Exception.class, () -> history(tom, ChatChannel.CUSTOMER), "back to the workshop only");
    }

    private List<ChatMessage> history(Person reader, ChatChannel channel) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> reads.history(reader.actor(), conversation, channel, null,
                null, 10)).items();
    }

    private void signIn(Person person) {
        browser.signIn(identity, TOKENS.of(person));
    }
}
