package com.garage.mobile.api.chat;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.chat.ChatEventMessage;
import com.garage.mobile.platform.events.ChatEventStream;
import com.garage.mobile.platform.live.LiveEvent;
import com.garage.mobile.platform.live.LiveHistory;
import com.garage.mobile.platform.live.LiveTopic;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Chat on the live channel: messages, edits, deletions and read cursors of the channels one may
 * read. No line order: within a channel a message's {@code seq} shows a gap, which the app fills
 * from the history ({@code after}).
 */
@ApplicationScoped
public class ChatTopic implements LiveTopic<ChatEventMessage> {

    public static final String NAME = "chat";

    private final ChatEventStream events;
    private final ChatEventHistory history;

    public ChatTopic(ChatEventStream events, ChatEventHistory history) {
        this.events = events;
        this.history = history;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Multi<ChatEventMessage> arrivals() {
        return events.arrivals();
    }

    @Override
    public LiveEvent<ChatEventMessage> describe(ChatEventMessage event) {
        List<UUID> people = new ArrayList<>(event.technicianIds());
        people.add(event.customerId());
        return new LiveEvent<>(this, event, event.id(), event.occurredAt(), null, 0, event.garageId(), people);
    }

    @Override
    public boolean visibleTo(Actor actor, ChatEventMessage event) {
        return event.visibleTo(actor);
    }

    @Override
    public Object message(AppAudience audience, ChatEventMessage event) {
        return ChatLiveMessage.of(audience, event);
    }

    @Override
    public LiveHistory<ChatEventMessage> history() {
        return history;
    }
}
