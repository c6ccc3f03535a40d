package com.garage.mobile.domain.chat;

import com.garage.mobile.domain.notification.NotificationCategory;
import com.garage.mobile.domain.notification.PlannedNotification;
import com.garage.mobile.domain.notification.PushPriority;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Who hears of a sent message by push, and what their phone shows: every reader of its channel
 * but its author (never a customer for the workshop channel), the author's name as the title and
 * the text, cut short, as the body, an attachment said in words. Notifications of one conversation
 * share a collapse key, so a burst shows as one.
 */
public final class ChatPush {

    /** Code points of the text a notification shows; the providers' payloads hold far more. */
    static final int PREVIEW_LENGTH = 180;

    private ChatPush() {
    }

    /**
     * Someone who may read the message's channel.
     *
     * @param language the customer's language; null for staff, whose devices' locales decide
     */
    public record Reader(UUID personId, boolean customer, String language) {
    }

    public static List<PlannedNotification> plan(ChatEventMessage message, List<Reader> readers, Instant now,
            Instant expiresAt) {
        Map<String, Object> sent = message.payload();
        UUID author = sent.get("authorId") == null ? null : UUID.fromString(sent.get("authorId").toString());
        return readers.stream()
                .filter(reader -> !reader.personId().equals(author))
                .filter(reader -> !reader.customer() || message.channel() == ChatChannel.CUSTOMER)
                .map(reader -> notification(message, reader, expiresAt)).toList();
    }

    private static PlannedNotification notification(ChatEventMessage message, Reader reader, Instant expiresAt) {
        Map<String, Object> sent = message.payload();
        String text = (String) sent.get("text");
        List<?> attachments = sent.get("attachments") instanceof List<?> list ? list : List.of();
        String textKey = attachments.isEmpty() ? "chat.message"
                : text == null ? "chat.attachment" : "chat.attachment-text";
        Map<String, String> localized = attachments.isEmpty() ? Map.of()
                : Map.of("attachment", "chat.attachment." + kindOf(attachments.getFirst()));
        Map<String, String> values = new HashMap<>();
        values.put("sender", Objects.toString(sent.get("authorName"), ""));
        values.put("preview", text == null ? "" : preview(text));
        String app = reader.customer() ? "garage-customer://chat/" : "garage-tech://chat/";
        String link = app + message.conversationId();
        Map<String, String> data = Map.of("type", "chat.message", "conversationId", message.conversationId().toString(),
                "channel", message.channel().name(), "messageId", sent.get("messageId").toString(), "link", link);
        return new PlannedNotification(message.garageId(), reader.personId(), NotificationCategory.CHAT,
                "chat-message:" + sent.get("messageId"), null, PushPriority.NORMAL,
                "chat-" + message.conversationId(), message.id(), expiresAt, textKey, values, localized, data,
                reader.language());
    }

    /** The text, cut after {@link #PREVIEW_LENGTH} code points (never inside one) with an ellipsis. */
    static String preview(String text) {
        if (text.codePointCount(0, text.length()) <= PREVIEW_LENGTH) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, PREVIEW_LENGTH)) + "…";
    }

    private static String kindOf(Object attachment) {
        return attachment instanceof Map<?, ?> described ? String.valueOf(described.get("kind")) : "PHOTO";
    }
}
