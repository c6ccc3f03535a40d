package com.garage.mobile.api.recommendations;

import com.garage.mobile.domain.recommendation.RecommendationConfig;
import com.garage.mobile.domain.recommendation.VehicleRecommendations;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Refreshes every vehicle the rules can say something about (one with an odometer reading or a
 * declined line) on a schedule, so that a service falling due by time alone appears, is announced and
 * pushed without waiting for a new reading. Pods may overlap: a vehicle's refresh is serialized and
 * idempotent ({@code VehicleRecommendations.refresh}).
 */
@ApplicationScoped
public class RecommendationSweep {

    private static final Logger LOG = Logger.getLogger(RecommendationSweep.class);
    private static final String VEHICLES = """
            select v.garage_id, v.id from vehicle v
            where exists (select 1 from odometer_reading r where r.vehicle_id = v.id)
               or exists (select 1 from job_card j join estimate_line l on l.job_id = j.id
                          where j.vehicle_id = v.id and l.approval_status = 'DECLINED')""";

    private final Pool pool;
    private final VehicleRecommendations recommendations;
    private final RecommendationConfig config;

    public RecommendationSweep(Pool pool, VehicleRecommendations recommendations, RecommendationConfig config) {
        this.pool = pool;
        this.recommendations = recommendations;
        this.config = config;
    }

    @Scheduled(every = "${garage.recommendations.sweep-every:24h}", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledPass() {
        if (!config.scheduled()) {
            return Uni.createFrom().voidItem();
        }
        return sweep().onFailure().invoke(e -> LOG.warnf("Recommendation sweep failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Refreshes every such vehicle; says how many recommendations opened. */
    public Uni<Integer> sweep() {
        return pool.query(VEHICLES).execute()
                .chain(rows -> Multi.createFrom().iterable(rows)
                        .onItem().transformToUniAndConcatenate(row -> recommendations.refresh(row.getUUID("garage_id"),
                                row.getUUID("id")).onFailure().recoverWithItem(List.of()))
                        .map(List::size).collect().asList())
                .map(counts -> counts.stream().mapToInt(Integer::intValue).sum());
    }
}
