package com.garage.mobile.technician.releases;

import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.access.AppPlatform;
import com.garage.mobile.domain.releases.Release;
import com.garage.mobile.domain.releases.StoreStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A release with its crash budget and its rollouts; {@code versionNo} is what a store-status change is based on. */
public record ReleaseView(UUID id, AppAudience app, AppPlatform platform, String version, String build,
        StoreStatus storeStatus, String notes, String minimumOs, int crashFreeBp, int minSessions, Instant createdAt,
        long versionNo, List<RolloutView> rollouts) {

    static ReleaseView of(Release release, List<RolloutView> rollouts) {
        return new ReleaseView(release.id(), release.app(), release.platform(), release.version().toString(),
                release.build(), release.storeStatus(), release.notes(), release.minimumOs(),
                release.budget().crashFreeBp(), release.budget().minSessions(), release.createdAt(),
                release.versionNo(), rollouts);
    }
}
