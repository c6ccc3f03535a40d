package com.garage.mobile.customer.recommendations;

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

/** The customer's open, accepted and booked recommendations in their offline copy; dismissed ones leave it. */
@ApplicationScoped
class RecommendationSync implements SyncableType {

    private final RecommendationQueries queries;

    RecommendationSync(RecommendationQueries queries) {
        this.queries = queries;
    }

    @Override
    public Declaration declaration() {
        return new Declaration("recommendation", AppAudience.CUSTOMER, 100);
    }

    @Override
    public Optional<SyncScope> scope(Actor customer) {
        return Optional.of(SyncScope.own("select r.id from recommendation r where r.garage_id = $1"
                + " and r.customer_id = $2 and r.status in ('OPEN', 'ACCEPTED', 'BOOKED')"));
    }

    @Override
    public Uni<Map<UUID, Object>> records(Actor viewer, List<UUID> ids) {
        return queries.byIds(viewer.garageId(), viewer.personId(), ids)
                .map(found -> SyncRecords.byId(found, Recommendation::id, RecommendationView::of));
    }
}
