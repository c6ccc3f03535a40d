package com.garage.mobile.customer.media;

import com.garage.mobile.api.media.MediaView;
import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.media.Media;
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
 * Stored media of the customer's own jobs that they may always see: those of the jobs' steps (the
 * work as it progresses). Job-level media are the shop's own; an inspection item's photos reach the
 * customer inside the published inspection.
 */
@ApplicationScoped
class CustomerMediaSync implements SyncableType {

    private static final String VISIBLE = "select m.id from media m join job_card j on j.id = m.job_id"
            + " where m.garage_id = $1 and j.customer_id = $2 and m.target_type = 'job-step'"
            + " and m.status = 'STORED' and m.deleted_at is null";

    @Override
    public Declaration declaration() {
        return new Declaration("media", AppAudience.CUSTOMER, 70);
    }

    @Override
    public Optional<SyncScope> scope(Actor actor) {
        return Optional.of(SyncScope.own(VISIBLE));
    }

    @Override
    public Uni<Map<UUID, Object>> records(Actor viewer, List<UUID> ids) {
        return SyncRecords.inGarage(Media.class, viewer, ids)
                .map(found -> SyncRecords.byId(found, media -> media.id, MediaView::of));
    }
}
