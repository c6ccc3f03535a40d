package com.garage.mobile.platform.notification.dispatch;

import com.garage.mobile.domain.notification.NotificationCategory;
import com.garage.mobile.domain.notification.SqlTime;
import com.garage.mobile.domain.notification.consent.QuietHours;
import com.garage.mobile.domain.notification.device.DevicePlatform;
import com.garage.mobile.platform.push.PushMessage;
import com.garage.mobile.domain.notification.PushPriority;
import com.garage.mobile.platform.push.PushTarget;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A claimed outbox row with what decides its fate now: the device, the person's current consent
 * for its category, and their quiet hours.
 */
record Delivery(long id, UUID garageId, UUID personId, String dedupeKey, NotificationCategory category,
        PushPriority priority, String collapseKey, String title, String body, Map<String, String> data,
        Instant expiresAt, int attempts, String lastError, UUID deviceId, DevicePlatform platform, String token, String webPushP256dh,
        String webPushAuth, boolean deviceActive, boolean staffApp, boolean consented, QuietHours quietHours) {

    static final String COLUMNS = """
            o.id, o.garage_id, o.person_id, o.dedupe_key, o.category, o.priority, o.collapse_key, o.title, o.body,
            o.data, o.expires_at, o.attempts, o.last_error, d.id as device_id, d.platform, d.token, d.web_push_p256dh,
            d.web_push_auth, d.active as device_active, d.staff_id is not null as staff_app,
            coalesce((select c.granted from notification_consent c
                      where c.person_id = o.person_id and c.category = o.category
                      order by c.id desc limit 1), false) as consented,
            s.quiet_start, s.quiet_end, s.quiet_time_zone""";

    static Delivery of(Row row) {
        Map<String, String> data = new HashMap<>();
        row.getJsonObject("data").forEach(entry -> data.put(entry.getKey(), String.valueOf(entry.getValue())));
        QuietHours quiet = row.getLocalTime("quiet_start") == null ? null : new QuietHours(
                row.getLocalTime("quiet_start"), row.getLocalTime("quiet_end"), ZoneId.of(row.getString("quiet_time_zone")));
        return new Delivery(row.getLong("id"), row.getUUID("garage_id"), row.getUUID("person_id"),
                row.getString("dedupe_key"), NotificationCategory.valueOf(row.getString("category")),
                PushPriority.valueOf(row.getString("priority")), row.getString("collapse_key"), row.getString("title"),
                row.getString("body"), data, SqlTime.instant(row, "expires_at"), row.getInteger("attempts"),
                row.getString("last_error"), row.getUUID("device_id"), DevicePlatform.valueOf(row.getString("platform")),
                row.getString("token"),
                row.getString("web_push_p256dh"), row.getString("web_push_auth"), row.getBoolean("device_active"),
                row.getBoolean("staff_app"), row.getBoolean("consented"), quiet);
    }

    PushTarget target() {
        return new PushTarget(platform, token, webPushP256dh, webPushAuth, staffApp);
    }

    PushMessage message(Instant now) {
        Duration ttl = Duration.between(now, expiresAt);
        return new PushMessage(title, body, data, collapseKey, priority, ttl.isNegative() ? Duration.ZERO : ttl,
                expiresAt);
    }
}
