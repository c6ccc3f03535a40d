package com.garage.mobile.platform.partner.roadside;

import com.garage.mobile.domain.partner.roadside.RoadsideEventMessage;
import com.garage.mobile.domain.partner.roadside.RoadsideEventPublisher;
import com.garage.mobile.platform.events.EventBusConfig;
import com.garage.mobile.platform.events.StoredEventStream;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Singleton;
import java.util.UUID;

/**
 * Roadside events ({@code roadside_event}) on their way to every pod (Redis stream
 * {@code garage:roadside-events}); what the writer could not publish the relay publishes later.
 */
@Singleton
public class RoadsideEventStream extends StoredEventStream<RoadsideEventMessage> implements RoadsideEventPublisher {

    public static final String STREAM = "garage:roadside-events";

    public RoadsideEventStream(ReactiveRedisDataSource redis, Pool pool, EventBusConfig config) {
        super(redis, pool, config, RoadsideEventMessage.class, "roadside_event", RoadsideEventMessage.COLUMNS, STREAM);
    }

    @Override
    public Uni<Void> publishPending(UUID requestId) {
        return publishPending("request_id", requestId);
    }

    @Override
    protected RoadsideEventMessage read(Row row) {
        return RoadsideEventMessage.of(row);
    }

    @Override
    protected long idOf(RoadsideEventMessage event) {
        return event.id();
    }
}
