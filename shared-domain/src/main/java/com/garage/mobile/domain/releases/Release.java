package com.garage.mobile.domain.releases;

import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.domain.access.AppPlatform;
import com.garage.mobile.domain.access.SoftwareVersion;
import com.garage.mobile.domain.notification.SqlTime;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.util.UUID;

/** A registered build of one app on one platform, with its store status and crash budget. */
public record Release(UUID id, AppAudience app, AppPlatform platform, SoftwareVersion version, String build,
        StoreStatus storeStatus, String notes, String minimumOs, CrashBudget budget, Instant createdAt,
        long versionNo) {

    static final String COLUMNS = """
            r.id, r.app, r.platform, r.version, r.build, r.store_status, r.notes, r.minimum_os,
            r.budget_crash_free_bp, r.budget_min_sessions, r.created_at, r.version_no""";

    static Release of(Row row) {
        return new Release(row.getUUID("id"), AppAudience.valueOf(row.getString("app")),
                AppPlatform.valueOf(row.getString("platform")), SoftwareVersion.parse(row.getString("version")),
                row.getString("build"), StoreStatus.valueOf(row.getString("store_status")), row.getString("notes"),
                row.getString("minimum_os"), new CrashBudget(row.getInteger("budget_crash_free_bp"),
                        row.getInteger("budget_min_sessions")),
                SqlTime.instant(row, "created_at"), row.getLong("version_no"));
    }
}
