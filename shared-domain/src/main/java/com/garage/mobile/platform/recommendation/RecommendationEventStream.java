package com.garage.mobile.platform.recommendation;

import com.garage.mobile.domain.recommendation.RecommendationEvent;
import com.garage.mobile.domain.recommendation.RecommendationEventPublisher;
import com.garage.mobile.platform.events.EventBusConfig;
import com.garage.mobile.platform.events.StoredEventStream;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Singleton;
import java.util.UUID;

/**
 * Recommendation events ({@code recommendation_event}) on their way to every pod (Redis stream
 * {@code garage:recommendation-events}); what the writer could not publish the relay publishes later.
 */
@Singleton
public class RecommendationEventStream extends StoredEventStream<RecommendationEvent>
        implements RecommendationEventPublisher {

    public static final String STREAM = "garage:recommendation-events";

    public RecommendationEventStream(ReactiveRedisDataSource redis, Pool pool, EventBusConfig config) {
        super(redis, pool, config, RecommendationEvent.class, "recommendation_event", RecommendationEvent.COLUMNS,
                STREAM);
    }

    @Override
    public Uni<Void> publishPending(UUID vehicleId) {
        return publishPending("vehicle_id", vehicleId);
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
