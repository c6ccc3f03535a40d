package com.garage.mobile.domain.releases;

import com.garage.mobile.domain.notification.SqlTime;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One release's rollout to one ring, as stored: its progress and, when halted, who halted it and why. */
public record Rollout(UUID releaseId, UUID garageId, RolloutProgress progress, Instant startedAt, Instant haltedAt,
        String haltReason, String haltedBy, long versionNo) {

    static final String COLUMNS = """
            o.release_id, o.garage_id, o.ring, o.mode, o.manual_percent_bp, o.elapsed_ms, o.running_since,
            o.started_at, o.halted_at, o.halt_reason, o.halted_by, o.version_no as rollout_version_no""";

    static Rollout of(Row row) {
        RolloutProgress progress = new RolloutProgress(Ring.valueOf(row.getString("ring")),
                RolloutProgress.RolloutMode.valueOf(row.getString("mode")), row.getInteger("manual_percent_bp"),
                Duration.ofMillis(row.getLong("elapsed_ms")), SqlTime.instant(row, "running_since"));
        return new Rollout(row.getUUID("release_id"), row.getUUID("garage_id"), progress,
                SqlTime.instant(row, "started_at"), SqlTime.instant(row, "halted_at"), row.getString("halt_reason"),
                row.getString("halted_by"), row.getLong("rollout_version_no"));
    }

    public Ring ring() {
        return progress.ring();
    }
}
