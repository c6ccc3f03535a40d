package com.garage.mobile.api.chat;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.chat.ChatEventMessage;
import com.garage.mobile.platform.events.ChatEventStream;
import com.garage.mobile.platform.events.StoredEvent;
import com.garage.mobile.platform.live.AudienceQueries;
import com.garage.mobile.platform.live.LiveHistory;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Reads chat events back from PostgreSQL to replay a reconnect; chat has no lines to fill gaps in. */
@ApplicationScoped
public class ChatEventHistory implements LiveHistory<ChatEventMessage> {

    /** As for job events: everything later, plus earlier ones not yet in the stream when the client's last one was. */
    private static final String MISSED = "select " + ChatEventMessage.COLUMNS + """
             from chat_event where garage_id = $1 and (%s)
              and (id > $2 or (id < $2 and published_at is null)
                   or (id < $2 and id > $2 - $3 and published_at > coalesce($4, now())))
            order by id limit $5""";
    private static final AudienceQueries QUERIES = new AudienceQueries(
            MISSED.formatted("customer_id = $6 and channel = 'CUSTOMER'"),
            MISSED.formatted("$6 = any(technician_ids)"),
            MISSED.formatted("garage_id = $6"));

    private final Pool pool;
    private final ChatEventStream stream;

    public ChatEventHistory(Pool pool, ChatEventStream stream) {
        this.pool = pool;
        this.stream = stream;
    }

    @Override
    public Uni<Optional<StoredEvent<ChatEventMessage>>> find(long eventId) {
        return stream.find(eventId);
    }

    @Override
    public Uni<List<ChatEventMessage>> missedBy(Actor actor, ResumePoint from, int limit) {
        Tuple params = Tuple.tuple().addValue(actor.garageId()).addValue(from.eventId())
                .addValue((long) from.lookback())
                .addValue(from.publishedAt() != null ? from.publishedAt().atOffset(ZoneOffset.UTC) : null)
                .addValue(limit).addValue(AudienceQueries.audienceOf(actor));
        return pool.preparedQuery(QUERIES.forActor(actor)).execute(params).map(stream::events);
    }
}
