package com.garage.mobile.technician.recommendations;

import com.garage.mobile.api.recommendations.RecommendationView;
import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.recommendation.Recommendation;
import com.garage.mobile.domain.recommendation.RecommendationQueries;
import com.garage.mobile.platform.sync.SyncRecords;
import com.garage.mobile.platform.sync.SyncScope;
import com.garage.mobile.platform.sync.SyncableType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The garage's open, accepted and booked recommendations in the offline copy of advisors and admins,
 * for check-in without a signal. Technicians get their suggestions per job, online.
 */
@ApplicationScoped
class StaffRecommendationSync implements SyncableType {

    private final RecommendationQueries queries;

    StaffRecommendationSync(RecommendationQueries queries) {
        this.queries = queries;
    }

    @Override
    public Declaration declaration() {
        return new Declaration("recommendation", AppAudience.STAFF, 100);
    }

    @Override
    public Optional<SyncScope> scope(Actor staff) {
        if (!staff.seesWholeGarage()) {
            return Optional.empty();
        }
        return Optional.of(new SyncScope("select r.id from recommendation r where r.garage_id = $1"
                + " and r.status in ('OPEN', 'ACCEPTED', 'BOOKED') and $2::uuid is not null"
                + " and $3::timestamptz is not null", null, SyncScope.WHOLE_GARAGE));
    }

    @Override
    public Uni<Map<UUID, Object>> records(Actor viewer, List<UUID> ids) {
        return queries.byIds(viewer.garageId(), null, ids)
                .map(found -> SyncRecords.byId(found, Recommendation::id, RecommendationView::of));
    }
}
