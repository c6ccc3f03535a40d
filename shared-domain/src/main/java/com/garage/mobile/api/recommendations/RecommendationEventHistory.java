package com.garage.mobile.api.recommendations;

import com.garage.mobile.domain.recommendation.RecommendationEvent;
import com.garage.mobile.platform.live.StoredEventHistory;
import com.garage.mobile.platform.recommendation.RecommendationEventStream;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Singleton;

/** Reads recommendation events back from PostgreSQL to replay a reconnect: the customer's own; technicians none. */
@Singleton
public class RecommendationEventHistory extends StoredEventHistory<RecommendationEvent> {

    public RecommendationEventHistory(Pool pool, RecommendationEventStream stream) {
        super(pool, stream, "recommendation_event", RecommendationEvent.COLUMNS, "customer_id = $6",
                "false and $6::uuid is not null");
    }
}
