package com.garage.mobile.api.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.ActorRole;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.chat.ChannelAudiences;
import com.garage.mobile.domain.chat.ChatAudience;
import com.garage.mobile.domain.chat.ChatChannel;
import com.garage.mobile.domain.chat.ChatConfig;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.platform.live.LiveInbound;
import com.garage.mobile.platform.live.LiveSessions;
import com.garage.mobile.platform.live.LiveSignalHandler;
import com.garage.mobile.platform.live.LiveSignals;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Someone is typing in a channel: the app sends {@code {"type": "typing", "conversationId": "…",
 * "channel": "CUSTOMER"}} on the live channel; if they may write there, every pod hands it to the
 * other people who may read the channel, and it is gone. Never stored, no event id, no replay. At
 * most one per person and channel each {@code garage.chat.typing-interval}; the rest are dropped.
 */
@ApplicationScoped
public class ChatTyping implements LiveInbound, LiveSignalHandler {

    static final String TYPE = "typing";
    static final String KIND = "chat.typing";

    private final ChannelAudiences audiences;
    private final LiveSignals signals;
    private final LiveSessions sessions;
    private final ChatConfig config;

    public ChatTyping(ChannelAudiences audiences, LiveSignals signals, LiveSessions sessions, ChatConfig config) {
        this.audiences = audiences;
        this.signals = signals;
        this.sessions = sessions;
        this.config = config;
    }

    /**
     * What the others' apps receive.
     *
     * @param personId the typist's id, unless a customer's app would learn a staff member's id
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TypingNotice(String type, String topic, UUID conversationId, String channel, UUID personId,
            String authorRole, String authorName) {
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Uni<Void> receive(Actor sender, JsonObject message) {
        UUID conversationId = uuid(message.getValue("conversationId"));
        ChatChannel channel = channel(message.getValue("channel"));
        String key = sender.personId() + ":" + conversationId + ":" + channel;
        return signals.firstWithin(key, config.typingInterval()).chain(first -> !first
                ? Uni.createFrom().voidItem()
                : audiences.ofWriter(sender, conversationId, channel)
                        .chain(audience -> signals.publish(KIND, signal(sender, conversationId, audience))));
    }

    @Override
    public void arrived(JsonObject signal) {
        List<UUID> technicians = new ArrayList<>();
        signal.getJsonArray("technicianIds").forEach(id -> technicians.add(UUID.fromString((String) id)));
        ChatAudience audience = new ChatAudience(UUID.fromString(signal.getString("garageId")),
                ChatChannel.valueOf(signal.getString("channel")), UUID.fromString(signal.getString("customerId")),
                technicians);
        UUID typist = UUID.fromString(signal.getString("personId"));
        UUID conversationId = UUID.fromString(signal.getString("conversationId"));
        String role = signal.getString("authorRole");
        List<UUID> people = new ArrayList<>(technicians);
        people.add(audience.customerId());
        sessions.notice(audience.garageId(), people,
                actor -> audience.includes(actor) && !actor.personId().equals(typist),
                app -> new TypingNotice(TYPE, ChatTopic.NAME, conversationId, audience.channel().name(),
                        app == AppAudience.CUSTOMER && !ActorRole.CUSTOMER.claimValue().equals(role) ? null : typist,
                        role, signal.getString("authorName")));
    }

    private static JsonObject signal(Actor sender, UUID conversationId, ChatAudience audience) {
        return new JsonObject().put("garageId", audience.garageId().toString())
                .put("conversationId", conversationId.toString()).put("channel", audience.channel().name())
                .put("customerId", audience.customerId().toString())
                .put("technicianIds", new JsonArray(audience.technicianIds().stream().map(UUID::toString).toList()))
                .put("personId", sender.personId().toString()).put("authorRole", sender.role().claimValue())
                .put("authorName", sender.displayName());
    }

    private static UUID uuid(Object value) {
        if (value instanceof String text && text.matches("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}")) {
            return UUID.fromString(text);
        }
        throw ProblemException.invalidField("conversationId", "must be a conversation's id (a UUID)");
    }

    private static ChatChannel channel(Object value) {
        for (ChatChannel channel : ChatChannel.values()) {
            if (channel.name().equals(value)) {
                return channel;
            }
        }
        throw ProblemException.invalidField("channel", "must be CUSTOMER or WORKSHOP");
    }
}
