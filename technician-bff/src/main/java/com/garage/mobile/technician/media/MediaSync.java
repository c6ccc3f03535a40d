package com.garage.mobile.technician.media;

import com.garage.mobile.api.media.MediaView;
import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.media.Media;
import com.garage.mobile.platform.sync.SyncRecords;
import com.garage.mobile.platform.sync.SyncScope;
import com.garage.mobile.platform.sync.SyncableType;
import com.garage.mobile.technician.sync.JobRecordsScope;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Stored media in the technician app's offline copy: those of the jobs in the caller's copy (a
 * technician's assigned jobs, the garage's for advisors and admins; open or closed within the window).
 */
@ApplicationScoped
class MediaSync implements SyncableType {

    @Override
    public Declaration declaration() {
        return new Declaration("media", AppAudience.STAFF, 60);
    }

    @Override
    public Optional<SyncScope> scope(Actor actor) {
        return Optional.of(JobRecordsScope.of(actor, "media", "r.status = 'STORED' and r.deleted_at is null"));
    }

    @Override
    public Uni<Map<UUID, Object>> records(Actor viewer, List<UUID> ids) {
        return SyncRecords.inGarage(Media.class, viewer, ids)
                .map(found -> SyncRecords.byId(found, media -> media.id, MediaView::of));
    }
}
