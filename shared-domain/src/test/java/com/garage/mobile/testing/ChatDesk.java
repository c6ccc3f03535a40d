package com.garage.mobile.testing;

import com.garage.mobile.domain.chat.ChatChannel;
import com.garage.mobile.domain.chat.ChatMessages;
import io.quarkus.vertx.VertxContextSupport;
import java.util.List;
import java.util.UUID;

/** Sends chat messages through the domain service, as a BFF does after its checks: for people the app under test does not serve. */
public final class ChatDesk {

    private final ChatMessages messages;
    private final Rows rows;

    public ChatDesk(ChatMessages messages, Rows rows) {
        this.messages = messages;
        this.rows = rows;
    }

    /** The job's conversation, opened by the database with the job. */
    public UUID conversationOfJob(UUID jobId) {
        return (UUID) rows.one("select id from chat_conversation where job_id = ?", jobId).get("id");
    }

    /** The customer's general conversation. */
    public UUID generalOf(Person customer) {
        return (UUID) rows.one("select id from chat_conversation where customer_id = ? and job_id is null",
                customer.id()).get("id");
    }

    /** Sends the text; answers the message's id. */
    public UUID send(Person who, UUID conversationId, ChatChannel channel, String text) {
        return send(who, conversationId, channel, text, List.of());
    }

    /** Sends the media (uploaded by the sender for the conversation), with the text or without (null). */
    public UUID send(Person who, UUID conversationId, ChatChannel channel, String text, List<UUID> media) {
        UUID id = UUID.randomUUID();
        try {
            VertxContextSupport.subscribeAndAwait(
                    () -> messages.send(who.actor(), conversationId, channel, id, text, null, media));
        } catch (Throwable e) {
            throw new AssertionError("Sending as " + who.displayName() + " failed", e);
        }
        return id;
    }
}
