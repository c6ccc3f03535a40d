package com.garage.mobile.platform.recommendation;

import com.garage.mobile.domain.recommendation.RecommendationEvent;
import com.garage.mobile.domain.recommendation.RecommendationEventPublisher;
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
 * Recommendation events ({@code recommendation_event}) on their way to every pod (Redis stream
 * {@code garage:recommendation-events}); what the writer could not publish the relay publishes later.
 */
@Singleton
public class RecommendationEventStream extends StoredEventStream<RecommendationEvent>
        implements RecommendationEventPublisher {

    public static final String STREAM = "garage:recommendation-events";
    private static final Logger LOG = Logger.getLogger(RecommendationEventStream.class);
    private static final String PENDING = "select " + RecommendationEvent.COLUMNS
            + " from recommendation_event where vehicle_id = $1 and published_at is null order by id limit 100";

    private final Pool pool;

    public RecommendationEventStream(ReactiveRedisDataSource redis, Pool pool, EventBusConfig config) {
        super(redis, pool, config, RecommendationEvent.class, "recommendation_event", RecommendationEvent.COLUMNS,
                STREAM);
        this.pool = pool;
    }

    @Override
    public Uni<Void> publishPending(UUID vehicleId) {
        return pool.preparedQuery(PENDING).execute(Tuple.of(vehicleId))
                .chain(rows -> toStream(events(rows)))
                .onFailure().invoke(e -> LOG.warnf("Recommendation events left to the relay: %s",
                        LoggedFailure.describe(e)))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    @Override
    protected RecommendationEvent read(Row row) {
        return RecommendationEvent.of(row);
    }

    @Override
    protected long idOf(RecommendationEvent event) {
        return event.id();
    }
}
