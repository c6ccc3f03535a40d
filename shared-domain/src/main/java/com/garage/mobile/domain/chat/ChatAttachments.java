package com.garage.mobile.domain.chat;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.media.Media;
import com.garage.mobile.domain.media.MediaStatus;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Puts media on a message being sent, in its transaction: only media the sender uploaded for this
 * conversation, stored and checked; each then belongs to the message, whose channel decides
 * whether the customer sees it. Anything else refuses the whole message.
 */
@ApplicationScoped
public class ChatAttachments {

    public static final int MAX = 10;

    /** Checks the media and moves them onto the message; answers them as the message keeps them. */
    public Uni<List<ChatAttachment>> attach(Actor sender, Conversation conversation, UUID messageId, List<UUID> ids,
            Instant now) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        if (ids.size() > MAX || new HashSet<>(ids).size() != ids.size()) {
            throw ProblemException.invalidField("attachments", "at most " + MAX + " media, each once");
        }
        return Media.<Media>list("array_has(:ids, id)", Map.of("ids", ids.toArray(UUID[]::new))).map(found -> {
            Map<UUID, Media> byId = found.stream().collect(Collectors.toMap(media -> media.id, Function.identity()));
            for (int i = 0; i < ids.size(); i++) {
                requireSendable(sender, conversation, byId.get(ids.get(i)), "attachments[" + i + "]");
            }
            return ids.stream().map(byId::get).map(media -> moveOnto(media, messageId, now)).toList();
        });
    }

    private static void requireSendable(Actor sender, Conversation conversation, Media media, String field) {
        if (media == null || !media.garageId.equals(sender.garageId()) || !sender.personId().equals(media.uploader())
                || media.deletedAt != null) {
            throw ProblemException.invalidField(field, "is not a media you uploaded");
        }
        if (!ChatConversationMedia.TYPE.equals(media.targetType) || !media.targetId.equals(conversation.id)) {
            throw ProblemException.invalidField(field, "was not uploaded for this conversation (targetType "
                    + ChatConversationMedia.TYPE + ", targetId the conversation), or was sent already");
        }
        if (media.status == MediaStatus.REJECTED) {
            throw ProblemException.invalidField(field, "was refused by its checks");
        }
        if (media.status != MediaStatus.STORED) {
            throw new ProblemException(ProblemType.MEDIA_NOT_READY, "Media " + media.id
                    + " has not finished uploading and its checks; send the message again once it has.");
        }
    }

    private static ChatAttachment moveOnto(Media media, UUID messageId, Instant now) {
        media.targetType = ChatMessageMedia.TYPE;
        media.targetId = messageId;
        media.updatedAt = now;
        return new ChatAttachment(media.id, media.kind.name(), media.contentType);
    }
}
