package com.garage.mobile.platform.live;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.platform.events.StoredEvent;
import com.garage.mobile.platform.events.StoredEventStream;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Replays a reconnect from a stored-event table of a topic whose events need no gap filling (chat,
 * roadside): as for job events, everything after the client's last event, plus earlier ones not yet
 * in the stream when that one was; each audience reads only its own rows.
 */
public abstract class StoredEventHistory<T> implements LiveHistory<T> {

    private static final String MISSED = """
            select %s from %s where garage_id = $1 and (%s)
              and (id > $2 or (id < $2 and published_at is null)
                   or (id < $2 and id > $2 - $3 and published_at > coalesce($4, now())))
            order by id limit $5""";

    private final Pool pool;
    private final StoredEventStream<T> stream;
    private final AudienceQueries queries;

    /**
     * @param customerRows   which rows a customer reads, with their id as {@code $6}
     * @param technicianRows which rows a technician reads, with their id as {@code $6}
     */
    protected StoredEventHistory(Pool pool, StoredEventStream<T> stream, String table, String columns,
            String customerRows, String technicianRows) {
        this.pool = pool;
        this.stream = stream;
        this.queries = new AudienceQueries(MISSED.formatted(columns, table, customerRows),
                MISSED.formatted(columns, table, technicianRows), MISSED.formatted(columns, table, "garage_id = $6"));
    }

    @Override
    public Uni<Optional<StoredEvent<T>>> find(long eventId) {
        return stream.find(eventId);
    }

    @Override
    public Uni<List<T>> missedBy(Actor actor, ResumePoint from, int limit) {
        Tuple params = Tuple.tuple().addValue(actor.garageId()).addValue(from.eventId())
                .addValue((long) from.lookback())
                .addValue(from.publishedAt() != null ? from.publishedAt().atOffset(ZoneOffset.UTC) : null)
                .addValue(limit).addValue(AudienceQueries.audienceOf(actor));
        return pool.preparedQuery(queries.forActor(actor)).execute(params).map(stream::events);
    }
}
