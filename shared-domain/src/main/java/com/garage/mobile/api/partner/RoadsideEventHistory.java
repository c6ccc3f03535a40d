package com.garage.mobile.api.partner;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.partner.roadside.RoadsideEventMessage;
import com.garage.mobile.platform.events.StoredEvent;
import com.garage.mobile.platform.live.AudienceQueries;
import com.garage.mobile.platform.live.LiveHistory;
import com.garage.mobile.platform.partner.roadside.RoadsideEventStream;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Reads roadside events back from PostgreSQL to replay a reconnect, as chat does. */
@ApplicationScoped
public class RoadsideEventHistory implements LiveHistory<RoadsideEventMessage> {

    private static final String MISSED = "select " + RoadsideEventMessage.COLUMNS + """
             from roadside_event where garage_id = $1 and (%s)
              and (id > $2 or (id < $2 and published_at is null)
                   or (id < $2 and id > $2 - $3 and published_at > coalesce($4, now())))
            order by id limit $5""";
    private static final AudienceQueries QUERIES = new AudienceQueries(
            MISSED.formatted("customer_id = $6"),
            MISSED.formatted("false and $6::uuid is not null"),
            MISSED.formatted("garage_id = $6"));

    private final Pool pool;
    private final RoadsideEventStream stream;

    public RoadsideEventHistory(Pool pool, RoadsideEventStream stream) {
        this.pool = pool;
        this.stream = stream;
    }

    @Override
    public Uni<Optional<StoredEvent<RoadsideEventMessage>>> find(long eventId) {
        return stream.find(eventId);
    }

    @Override
    public Uni<List<RoadsideEventMessage>> missedBy(Actor actor, ResumePoint from, int limit) {
        Tuple params = Tuple.tuple().addValue(actor.garageId()).addValue(from.eventId())
                .addValue((long) from.lookback())
                .addValue(from.publishedAt() != null ? from.publishedAt().atOffset(ZoneOffset.UTC) : null)
                .addValue(limit).addValue(AudienceQueries.audienceOf(actor));
        return pool.preparedQuery(QUERIES.forActor(actor)).execute(params).map(stream::events);
    }
}
