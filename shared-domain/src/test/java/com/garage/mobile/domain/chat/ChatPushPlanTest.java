package com.garage.mobile.domain.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.domain.notification.NotificationCategory;
import com.garage.mobile.domain.notification.PlannedNotification;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who a chat message is pushed to and what the notification says. */
class ChatPushPlanTest {

    private static final UUID GARAGE = UUID.randomUUID();
    private static final UUID CONVERSATION = UUID.randomUUID();
    private static final UUID CUSTOMER = UUID.randomUUID();
    private static final UUID ADVISOR = UUID.randomUUID();
    private static final UUID TECHNICIAN = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final List<ChatPush.Reader> READERS = List.of(new ChatPush.Reader(CUSTOMER, true, "de"),
            new ChatPush.Reader(ADVISOR, false, null), new ChatPush.Reader(TECHNICIAN, false, null));

    @Test
    void everyReaderButTheAuthorHearsInCategoryChatCollapsedPerConversation() {
        List<PlannedNotification> planned = ChatPush.plan(message(ChatChannel.CUSTOMER, ADVISOR, "Ready at five.",
                List.of()), READERS, NOW, NOW.plusSeconds(60));

        assertEquals(List.of(CUSTOMER, TECHNICIAN), planned.stream().map(PlannedNotification::personId).toList());
        PlannedNotification toCustomer = planned.getFirst();
        assertEquals(NotificationCategory.CHAT, toCustomer.category());
        assertEquals("chat-" + CONVERSATION, toCustomer.collapseKey());
        assertEquals("chat.message", toCustomer.textKey());
        assertEquals(Map.of("sender", "Alice Morgan", "preview", "Ready at five."), toCustomer.values());
        assertEquals("de", toCustomer.language());
        assertEquals("garage-customer://chat/" + CONVERSATION, toCustomer.data().get("link"));
        assertEquals(null, planned.get(1).language());
    }

    @Test
    void aWorkshopMessageNeverReachesTheCustomer() {
        List<PlannedNotification> planned = ChatPush.plan(message(ChatChannel.WORKSHOP, TECHNICIAN, "Pads at 2 mm",
                List.of()), READERS, NOW, NOW);
        assertEquals(List.of(ADVISOR), planned.stream().map(PlannedNotification::personId).toList());
    }

    @Test
    void attachmentsAreSaidInWords() {
        Map<String, Object> video = Map.of("mediaId", UUID.randomUUID().toString(), "kind", "VIDEO");
        PlannedNotification alone = ChatPush.plan(message(ChatChannel.CUSTOMER, ADVISOR, null, List.of(video)),
                READERS, NOW, NOW).getFirst();
        assertEquals("chat.attachment", alone.textKey());
        assertEquals(Map.of("attachment", "chat.attachment.VIDEO"), alone.localizedValues());
        PlannedNotification withText = ChatPush.plan(message(ChatChannel.CUSTOMER, ADVISOR, "Listen",
                List.of(Map.of("mediaId", UUID.randomUUID().toString(), "kind", "AUDIO"))), READERS, NOW, NOW)
                .getFirst();
        assertEquals("chat.attachment-text", withText.textKey());
        assertEquals("chat.attachment.AUDIO", withText.localizedValues().get("attachment"));
    }

    @Test
    void longTextIsCutWithoutSplittingACharacter() {
        String text = "🔧".repeat(ChatPush.PREVIEW_LENGTH + 5);
        String preview = ChatPush.preview(text);
        assertEquals(ChatPush.PREVIEW_LENGTH + 1, preview.codePointCount(0, preview.length()));
        assertEquals("🔧".repeat(ChatPush.PREVIEW_LENGTH) + "…", preview);
        assertEquals("Short", ChatPush.preview("Short"));
    }

    private static ChatEventMessage message(ChatChannel channel, UUID author, String text, List<?> attachments) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("messageId", UUID.randomUUID().toString());
        payload.put("authorId", author.toString());
        payload.put("authorName", author.equals(ADVISOR) ? "Alice Morgan" : "Tom Reyes");
        payload.put("text", text);
        payload.put("attachments", attachments);
        return new ChatEventMessage(42, GARAGE, CONVERSATION, channel, CUSTOMER, List.of(TECHNICIAN), "chat.message",
                payload, NOW);
    }
}
