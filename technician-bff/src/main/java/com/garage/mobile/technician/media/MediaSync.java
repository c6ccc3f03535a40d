package com.garage.mobile.technician.media;

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
 * Stored media in the technician app's offline copy: those of the jobs in the caller's copy (a
 * technician's assigned jobs, the garage's for advisors and admins; open or closed within the window).
 */
@ApplicationScoped
class MediaSync implements SyncableType {

    private static final String STORED = "select m.id from media m join job_card j on j.id = m.job_id ";
    private static final String MINE = STORED + "join job_assignment a on a.job_id = j.id and a.technician_id = $2"
            + " where m.garage_id = $1 and m.status = 'STORED' and m.deleted_at is null and ";
    private static final String GARAGE = STORED + "where $2::uuid is not null and m.garage_id = $1"
            + " and m.status = 'STORED' and m.deleted_at is null and ";
    private static final String RECENT_JOB = "(j.closed_at is null or j.closed_at >= $3)";
    private static final String AGED_JOB = "j.closed_at < $3 and j.closed_at >= $4";

    @Override
    public Declaration declaration() {
        return new Declaration("media", AppAudience.STAFF, 60);
    }

    @Override
    public Optional<SyncScope> scope(Actor actor) {
        if (actor.isTechnician()) {
            return Optional.of(new SyncScope(MINE + RECENT_JOB, MINE + AGED_JOB, SyncScope.NAMING_CALLER));
        }
        return Optional.of(new SyncScope(GARAGE + RECENT_JOB, GARAGE + AGED_JOB, SyncScope.WHOLE_GARAGE));
    }

    @Override
    public Uni<Map<UUID, Object>> records(Actor viewer, List<UUID> ids) {
        return Media.<Media>list("garageId = ?1 and id in ?2", viewer.garageId(), ids)
                .map(found -> SyncRecords.byId(found, media -> media.id, MediaView::of));
    }
}
