package com.garage.mobile.domain.feedback;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Feedback in the inbox: what was said, from which screen and app build, and where it stands.
 *
 * @param screenshots the stored media uploaded with it ({@link FeedbackScreenshots}), oldest first
 */
public record Feedback(UUID id, FeedbackCategory category, String text, String screen, String appPlatform,
        String appVersion,
        String reporterRole, FeedbackStatus status, String note, int version, Instant createdAt,
        Instant statusChangedAt, List<UUID> screenshots) {

    static final String COLUMNS = "id, category, body, screen, app_platform, app_version, person_role, status, note, version,"
            + " created_at, status_changed_at, array(select m.id from media m where m.garage_id = feedback.garage_id"
            + " and m.target_type = '" + FeedbackScreenshots.TYPE + "' and m.target_id = feedback.id"
            + " and m.status = 'STORED' and m.deleted_at is null order by m.created_at) as screenshots";

    static Feedback of(Row row) {
        OffsetDateTime changed = row.getOffsetDateTime("status_changed_at");
        return new Feedback(row.getUUID("id"), FeedbackCategory.valueOf(row.getString("category")),
                row.getString("body"), row.getString("screen"), row.getString("app_platform"), row.getString("app_version"),
                row.getString("person_role"), FeedbackStatus.valueOf(row.getString("status")), row.getString("note"),
                row.getInteger("version"), row.getOffsetDateTime("created_at").toInstant(),
                changed == null ? null : changed.toInstant(), List.of(row.getArrayOfUUIDs("screenshots")));
    }
}
