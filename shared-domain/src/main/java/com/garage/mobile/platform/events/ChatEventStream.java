package com.garage.mobile.platform.events;

import com.garage.mobile.domain.chat.ChatEventMessage;
import com.garage.mobile.domain.chat.ChatEventPublisher;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Singleton;
import java.util.UUID;

/**
 * Chat events (the {@code chat_event} table: messages sent, edited, deleted, read cursors) on their
 * way to every pod. A message is never refused because Redis was down.
 */
@Singleton
public class ChatEventStream extends StoredEventStream<ChatEventMessage> implements ChatEventPublisher {

    public ChatEventStream(ReactiveRedisDataSource redis, Pool pool, EventBusConfig config) {
        super(redis, pool, config, ChatEventMessage.class, "chat_event", ChatEventMessage.COLUMNS, config.chatStream());
    }

    @Override
    public Uni<Void> publishPending(UUID conversationId) {
        return publishPending("conversation_id", conversationId);
    }

    @Override
    protected ChatEventMessage read(Row row) {
        return ChatEventMessage.of(row);
    }

    @Override
    protected long idOf(ChatEventMessage event) {
        return event.id();
    }
}
