package com.garage.mobile.platform.partner.roadside;

import com.garage.mobile.domain.partner.roadside.RoadsideEventMessage;
import com.garage.mobile.domain.partner.roadside.RoadsideEventPublisher;
import com.garage.mobile.platform.events.EventBusConfig;
import com.garage.mobile.platform.events.StoredEventStream;
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
 * Roadside events ({@code roadside_event}) on their way to every pod (Redis stream
 * {@code garage:roadside-events}); what the writer could not publish the relay publishes later.
 */
@Singleton
public class RoadsideEventStream extends StoredEventStream<RoadsideEventMessage> implements RoadsideEventPublisher {

    public static final String STREAM = "garage:roadside-events";
    private static final Logger LOG = Logger.getLogger(RoadsideEventStream.class);
    private static final String PENDING = "select " + RoadsideEventMessage.COLUMNS
            + " from roadside_event where request_id = $1 and published_at is null order by id limit 100";

    private final Pool pool;

    public RoadsideEventStream(ReactiveRedisDataSource redis, Pool pool, EventBusConfig config) {
        super(redis, pool, config, RoadsideEventMessage.class, "roadside_event", RoadsideEventMessage.COLUMNS, STREAM);
        this.pool = pool;
    }

    @Override
    public Uni<Void> publishPending(UUID requestId) {
        return pool.preparedQuery(PENDING).execute(Tuple.of(requestId))
                .chain(rows -> toStream(events(rows)))
                .onFailure().invoke(e -> LOG.warnf("Roadside events left to the relay: %s", LoggedFailure.describe(e)))
                .onFailure().recoverWithNull().replaceWithVoid();
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
