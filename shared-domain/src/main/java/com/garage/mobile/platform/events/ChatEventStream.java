package com.garage.mobile.platform.events;

import com.garage.mobile.domain.chat.ChatEventMessage;
import com.garage.mobile.domain.chat.ChatEventPublisher;
import com.garage.mobile.platform.problem.LoggedFailure;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Chat events (the {@code chat_event} table: messages sent, edited, deleted, read cursors) on their
 * way to every pod. A message is never refused because Redis was down.
 */
@Singleton
public class ChatEventStream extends StoredEventStream<ChatEventMessage> implements ChatEventPublisher {

    private static final Logger LOG = Logger.getLogger(ChatEventStream.class);
    private static final String PENDING = "select " + ChatEventMessage.COLUMNS
            + " from chat_event where conversation_id = $1 and published_at is null order by id limit 100";

    private final Pool pool;

    public ChatEventStream(ReactiveRedisDataSource redis, Pool pool, EventBusConfig config) {
        super(redis, pool, config, ChatEventMessage.class, "chat_event", ChatEventMessage.COLUMNS, config.chatStream());
        this.pool = pool;
    }

    @Override
    public Uni<Void> publishPending(UUID conversationId) {
        return pool.preparedQuery(PENDING).execute(Tuple.of(conversationId))
                .chain(rows -> toStream(events(rows)))
                .onFailure().invoke(e -> LOG.warnf("Chat events left to the relay: %s", LoggedFailure.describe(e)))
                .onFailure().recoverWithNull().replaceWithVoid();
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
