package com.garage.mobile.platform.events;

import com.garage.mobile.domain.chat.ChatEventMessage;
import com.garage.mobile.domain.chat.ChatEventPublisher;
import com.garage.mobile.platform.problem.LoggedFailure;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.stream.ReactiveStreamCommands;
import io.quarkus.redis.datasource.stream.XAddArgs;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Publishes committed chat events on the Redis stream every pod reads and marks them published.
 * If Redis fails they stay unpublished for {@link ChatEventRelay}: a message is never refused
 * because Redis was down. Two writers of one conversation may both publish an event; apps dedupe
 * by its id, as for every event of the live channel.
 */
@ApplicationScoped
public class ChatEventStream implements ChatEventPublisher {

    private static final Logger LOG = Logger.getLogger(ChatEventStream.class);
    private static final String PENDING = "select " + ChatEventMessage.COLUMNS
            + " from chat_event where conversation_id = $1 and published_at is null order by id limit 100";
    private static final String MARK_PUBLISHED =
            "update chat_event set published_at = now() where id = any($1) and published_at is null";

    private final ReactiveStreamCommands<String, String, ChatEventMessage> stream;
    private final Pool pool;
    private final EventBusConfig config;

    public ChatEventStream(ReactiveRedisDataSource redis, Pool pool, EventBusConfig config) {
        this.stream = redis.stream(ChatEventMessage.class);
        this.pool = pool;
        this.config = config;
    }

    @Override
    public Uni<Void> publishPending(UUID conversationId) {
        return pool.preparedQuery(PENDING).execute(Tuple.of(conversationId))
                .chain(rows -> publishOn(pool, events(rows)))
                .onFailure().invoke(e -> LOG.warnf("Chat events left to the relay: %s", LoggedFailure.describe(e)))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Publishes events in order and marks them published through the given client. */
    Uni<Void> publishOn(SqlClient client, List<ChatEventMessage> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        XAddArgs trim = new XAddArgs().maxlen(config.streamLength()).nearlyExactTrimming();
        return Multi.createFrom().iterable(events)
                .onItem().transformToUniAndConcatenate(event -> stream.xadd(config.chatStream(), trim,
                        Map.of(JobEventStream.FIELD, event)))
                .collect().last()
                .chain(() -> client.preparedQuery(MARK_PUBLISHED)
                        .execute(Tuple.of(events.stream().map(ChatEventMessage::id).toArray(Long[]::new))))
                .replaceWithVoid();
    }

    static List<ChatEventMessage> events(RowSet<Row> rows) {
        List<ChatEventMessage> events = new ArrayList<>(rows.size());
        rows.forEach(row -> events.add(ChatEventMessage.of(row)));
        return events;
    }
}
