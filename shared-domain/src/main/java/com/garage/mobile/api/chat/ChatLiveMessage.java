package com.garage.mobile.api.chat;

import com.garage.mobile.api.media.MediaView;
import com.garage.mobile.domain.access.ActorRole;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.chat.ChatEventMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the live channel carries of a chat change, besides the fields every event has.
 *
 * @param event {@code chat.message}, {@code chat.message-edited}, {@code chat.message-deleted} or {@code chat.read}
 * @param data  the message as {@code GET …/messages} shows it (a deleted one without its text and attachments),
 *              or the cursor
 */
public record ChatLiveMessage(UUID conversationId, String channel, String event, Map<String, Object> data) {

    static ChatLiveMessage of(AppAudience audience, ChatEventMessage change) {
        Map<String, Object> data = new HashMap<>(change.payload());
        boolean staffAuthor = !ActorRole.CUSTOMER.claimValue().equals(data.get("authorRole"));
        if (audience == AppAudience.CUSTOMER && staffAuthor) {
            data.remove("authorId");
            data.remove("personId");
        }
        if (data.get("attachments") instanceof List<?> attachments) {
            data.put("attachments", attachments.stream().map(ChatLiveMessage::withHref).toList());
        }
        return new ChatLiveMessage(change.conversationId(), change.channel().name(), change.type(), data);
    }

    /** An attachment as the history shows it: with where to fetch it. */
    private static Object withHref(Object attachment) {
        if (!(attachment instanceof Map<?, ?> described) || described.get("mediaId") == null) {
            return attachment;
        }
        Map<Object, Object> shown = new HashMap<>(described);
        shown.put("href", MediaView.href(UUID.fromString(described.get("mediaId").toString())));
        return shown;
    }
}
