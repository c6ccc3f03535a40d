package com.garage.mobile.api.chat;

import com.garage.mobile.domain.access.AccessConfig;
import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.chat.ChannelReaders;
import com.garage.mobile.domain.chat.ChatMessage;
import com.garage.mobile.domain.chat.Conversation;
import com.garage.mobile.platform.sync.SyncRecords;
import com.garage.mobile.platform.sync.SyncScope;
import com.garage.mobile.platform.sync.SyncableType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Chat messages in either app's offline copy: those of the channels the person may read (the rule of
 * {@code ChatVisibility}, in SQL), sent within the closed-record window, so a conversation can be
 * read and answered without a signal. Tombstones of deleted messages stay in the copy as they stay
 * in the history. Migration {@code V2026_12_04_0560} logs each message with its channel's readers,
 * and logs a conversation's messages again for a technician added to or taken off it or its job.
 */
@ApplicationScoped
class ChatMessageSync implements SyncableType {

    static final String TYPE = "chat-message";
    private static final String MESSAGES = "select m.id from chat_message m"
            + " join chat_conversation c on c.id = m.conversation_id where m.garage_id = $1 and ";
    private static final String READABLE_BY_CUSTOMER = "c.customer_id = $2 and m.channel = 'CUSTOMER'";
    private static final String READABLE_BY_TECHNICIAN = "(" + ChannelReaders.ADDED + " or (m.channel = 'WORKSHOP'"
            + " and " + ChannelReaders.ASSIGNED + "))";
    private static final String READABLE_BY_GARAGE = "$2::uuid is not null";
    private static final String RECENT = " and m.sent_at >= $3";
    private static final String AGED = " and m.sent_at < $3 and m.sent_at >= $4";

    private final AppAudience app;

    ChatMessageSync(AccessConfig access) {
        this.app = access.audience();
    }

    @Override
    public Declaration declaration() {
        return new Declaration(TYPE, app, app == AppAudience.CUSTOMER ? 80 : 90);
    }

    @Override
    public Optional<SyncScope> scope(Actor actor) {
        String readable = switch (actor.role()) {
            case CUSTOMER -> READABLE_BY_CUSTOMER;
            case TECHNICIAN -> READABLE_BY_TECHNICIAN;
            case ADVISOR, ADMIN -> READABLE_BY_GARAGE;
            case SYSTEM -> null;
        };
        if (readable == null) {
            return Optional.empty();
        }
        String members = MESSAGES + readable;
        return Optional.of(new SyncScope(members + RECENT, members + AGED,
                actor.seesWholeGarage() ? SyncScope.WHOLE_GARAGE : SyncScope.NAMING_CALLER));
    }

    @Override
    public Uni<Map<UUID, Object>> records(Actor viewer, List<UUID> ids) {
        return SyncRecords.inGarage(ChatMessage.class, viewer, ids)
                .chain(messages -> jobsOf(viewer, messages).map(jobs -> {
                    Map<UUID, Object> records = new HashMap<>();
                    messages.forEach(message -> records.put(message.id, new ChatMessageRecord(
                            jobs.get(message.conversationId), MessageView.of(message, viewer.role()))));
                    return records;
                }));
    }

    private static Uni<Map<UUID, UUID>> jobsOf(Actor viewer, List<ChatMessage> messages) {
        List<UUID> conversations = messages.stream().map(message -> message.conversationId).distinct().toList();
        return Conversation.<Conversation>list("garageId = ?1 and array_has(?2, id)", viewer.garageId(),
                        conversations.toArray(UUID[]::new))
                .map(found -> found.stream().filter(conversation -> conversation.jobId != null)
                        .collect(Collectors.toMap(conversation -> conversation.id, job -> job.jobId)));
    }

    /**
     * A message in the offline copy, with the job its conversation is about (null for the customer's
     * general conversation), so the app can show it on the job without asking.
     */
    record ChatMessageRecord(UUID jobId, MessageView message) {
    }
}
