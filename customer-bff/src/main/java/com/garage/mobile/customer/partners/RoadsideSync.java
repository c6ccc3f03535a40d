package com.garage.mobile.customer.partners;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.partner.roadside.RoadsideQueries;
import com.garage.mobile.domain.partner.roadside.RoadsideRequest;
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
 * The customer's roadside requests in their offline copy, as {@code GET /api/v1/roadside-requests}
 * shows them: stranded where there is no signal, the app still shows what was asked, the last status
 * and ETA it heard, and whether the partner has confirmed.
 */
@ApplicationScoped
class RoadsideSync implements SyncableType {

    private final RoadsideQueries queries;

    RoadsideSync(RoadsideQueries queries) {
        this.queries = queries;
    }

    @Override
    public Declaration declaration() {
        return new Declaration("roadside-request", AppAudience.CUSTOMER, 105);
    }

    @Override
    public Optional<SyncScope> scope(Actor customer) {
        return Optional.of(SyncScope.own("select r.id from roadside_request r where r.garage_id = $1"
                + " and r.customer_id = $2"));
    }

    @Override
    public Uni<Map<UUID, Object>> records(Actor viewer, List<UUID> ids) {
        return queries.mine(viewer.garageId(), viewer.personId(), ids)
                .map(found -> SyncRecords.byId(found, RoadsideRequest::id, RoadsideRequestView::of));
    }
}
