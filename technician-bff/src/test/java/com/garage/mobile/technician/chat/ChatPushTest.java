package com.garage.mobile.technician.chat;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.chat.ChatChannel;
import com.garage.mobile.domain.chat.ChatMessages;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.live.LivePresence;
import com.garage.mobile.technician.notifications.InjectPushStubs;
import com.garage.mobile.technician.notifications.PushFixture;
import com.garage.mobile.technician.notifications.PushProviderStubs;
import com.garage.mobile.technician.notifications.PushStubs;
import com.garage.mobile.testing.ChatDesk;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.LiveClient;
import com.garage.mobile.testing.MovableClock;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Push for chat: each reader of a channel but its author is pushed on each device that has no live
 * socket now, with their consent, within their quiet hours' rules; a customer never for the workshop.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PushProviderStubs.class)
class ChatPushTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    @Inject
    ChatMessages messages;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    LivePresence presence;

    @InjectPushStubs
    PushStubs stubs;

    Rows rows;
    MovableClock clock;
    PushFixture push;
    ChatDesk desk;
    Person alice;
    Person tom;
    Person carl;
    UUID conversation;
    String alicesPhone;
    String alicesTablet;
    UUID alicesPhoneId;
    UUID alicesTabletId;
    String carlsPhone;
    String tomsPhone;

    @BeforeEach
    void repairWithPhones() {
        PushFixture.cleanSlate(dataSource, stubs, breakers);
        clock = new MovableClock();
        QuarkusMock.installMockForType(clock, GarageClock.class);
        rows = new Rows(dataSource);
        GarageFixture garage = GarageFixture.create(dataSource);
        push = new PushFixture(garage);
        desk = new ChatDesk(messages, rows);
        alice = garage.advisor("Alice Morgan");
        tom = garage.technician("Tom Reyes");
        carl = garage.customer("Carl", "Jensen");
        conversation = desk.conversationOfJob(garage.job(carl, garage.vehicle(carl)).advisor(alice).assignedTo(tom)
                .create());
        push.consentToAllOperational(alice);
        alicesPhone = PushFixture.fcmToken();
        alicesTablet = PushFixture.fcmToken();
        alicesPhoneId = push.android(alice, alicesPhone);
        alicesTabletId = push.android(alice, alicesTablet);
        carlsPhone = push.consentingPhone(carl);
        tomsPhone = push.consentingPhone(tom);
    }

    @Test
    void onlyTheDeviceWithoutALiveSocketIsPushed() {
        try (LiveClient alicesPhoneApp = LiveClient.connect(base, LiveClient.PATH + "?deviceId=" + alicesPhoneId,
                TOKENS.of(alice), null)) {
            alicesPhoneApp.await("caught-up");
            UUID message = desk.send(tom, conversation, ChatChannel.WORKSHOP, "Pads are at 2 mm, quote them.");

            List<Map<String, Object>> pushed = decided(message);
            assertEquals(1, pushed.size(), pushed.toString());
            assertEquals(alicesTabletId, pushed.getFirst().get("device_id"));
            assertEquals("Tom Reyes", pushed.getFirst().get("title"));
            assertEquals("Pads are at 2 mm, quote them.", pushed.getFirst().get("body"));
            assertEquals("chat-" + conversation, pushed.getFirst().get("collapse_key"));
            await().atMost(Duration.ofSeconds(30)).until(() -> stubs.fcmRequestsFor(alicesTablet).size() == 1);
            JsonObject sent = new JsonObject(stubs.fcmRequestsFor(alicesTablet).getFirst().getBodyAsString());
            assertEquals("chat-" + conversation, sent.getJsonObject("message").getJsonObject("android")
                    .getString("collapse_key"));
            assertEquals(0, stubs.fcmRequestsFor(alicesPhone).size());
        }
        // The app has closed its socket; the pod lets go of the phone's presence once it has seen the close.
        await().atMost(Duration.ofSeconds(30)).until(() -> presence.liveDevices(List.of(alice.id())).await()
                .indefinitely().isEmpty());

        UUID afterwards = desk.send(tom, conversation, ChatChannel.WORKSHOP, "Quoted.");
        assertEquals(List.of(alicesPhoneId, alicesTabletId).stream().sorted().toList(),
                decided(afterwards).stream().map(row -> (UUID) row.get("device_id")).sorted().toList());
    }

    @Test
    void theCustomerHearsOfTheirChannelNeverOfTheWorkshopAndNobodyOfTheirOwnMessage() {
        UUID answer = desk.send(alice, conversation, ChatChannel.CUSTOMER, "Your car is ready at five.");
        List<Map<String, Object>> pushed = decided(answer);
        assertEquals(List.of(carl.id()), pushed.stream().map(row -> row.get("person_id")).toList(),
                "the technician not added to the customer channel and the author are not pushed");
        assertEquals("Alice Morgan", pushed.getFirst().get("title"));

        UUID internal = desk.send(alice, conversation, ChatChannel.WORKSHOP, "Invoice is pending.");
        assertEquals(List.of(tom.id()), decided(internal).stream().map(row -> row.get("person_id")).toList());

        UUID question = desk.send(carl, conversation, ChatChannel.CUSTOMER, "x".repeat(500));
        List<Map<String, Object>> toStaff = decided(question);
        assertEquals(List.of(alice.id(), alice.id()), toStaff.stream().map(row -> row.get("person_id")).toList());
        String body = (String) toStaff.getFirst().get("body");
        assertTrue(body.length() < 200 && body.endsWith("…"), body);
    }

    @Test
    void withoutConsentToChatNothingIsPushed() {
        push.consent(carl, "CHAT", false);
        UUID answer = desk.send(alice, conversation, ChatChannel.CUSTOMER, "Ready at five.");
        assertEquals(List.of(), decided(answer));
    }

    @Test
    void quietHoursHoldTheMessageUntilMorning() {
        ZonedDateTime now = ZonedDateTime.now(LONDON);
        ZonedDateTime evening = now.with(LocalTime.of(23, 30));
        clock.moveTo((evening.isAfter(now) ? evening : evening.plusDays(1)).toInstant());
        push.quietHours(carl, "22:00", "07:00", "Europe/London");

        UUID answer = desk.send(alice, conversation, ChatChannel.CUSTOMER, "Ready tomorrow.");

        assertEquals(1, decided(answer).size());
        await().atMost(Duration.ofSeconds(30)).until(() -> heldUntil(answer) != null);
        assertEquals(0, stubs.fcmRequestsFor(carlsPhone).size());
    }

    private Object heldUntil(UUID message) {
        List<Map<String, Object>> found = rows.query("select held_until from notification_outbox where dedupe_key = ?",
                "chat-message:" + message);
        return found.isEmpty() ? null : found.getFirst().get("held_until");
    }

    /** The notifications written for the message, once its push was decided. */
    private List<Map<String, Object>> decided(UUID message) {
        await().atMost(Duration.ofSeconds(30)).until(() -> rows.count("select count(*) from chat_push_pending p"
                + " join chat_event e on e.id = p.chat_event_id where e.payload->>'messageId' = ?"
                + " and p.decided_at is not null", message.toString()) == 1);
        return rows.query("select device_id, person_id, title, body, collapse_key from notification_outbox"
                + " where dedupe_key = ? order by person_id, device_id", "chat-message:" + message);
    }

}
