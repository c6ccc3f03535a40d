package com.garage.mobile.platform.notification.dispatch;

import com.garage.mobile.domain.notification.NotificationCategory;
import com.garage.mobile.domain.notification.PushPriority;
import com.garage.mobile.domain.notification.device.DevicePlatform;
import com.garage.mobile.platform.push.PushMessage;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One notification to one device, as the payload of its outbound work.
 *
 * @param notificationKey the notification (a job event's, a reminder's); with the device, what is never sent twice
 * @param rank            orders notifications sharing a collapse key: a higher rank supersedes a lower one
 */
public record NotificationPayload(String notificationKey, UUID deviceId, UUID personId, DevicePlatform platform,
        Long jobEventId, NotificationCategory category, PushPriority priority, String collapseKey, long rank,
        String language, String title, String body, Map<String, String> data) {

    /** The outbox's dedupe key of this notification on this device. */
    public String dedupeKey() {
        return notificationKey + "@" + deviceId;
    }

    /**
     * The id the push carries in its data as {@code pushId}, for the app's {@code push.opened}
     * (docs/analytics.md): derived from the dedupe key, so every try of one push has the same.
     */
    public UUID pushId() {
        return UUID.nameUUIDFromBytes(("push:" + dedupeKey()).getBytes(StandardCharsets.UTF_8));
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject().put("notificationKey", notificationKey)
                .put("deviceId", deviceId.toString()).put("personId", personId.toString())
                .put("platform", platform.name()).put("category", category.name()).put("priority", priority.name())
                .put("rank", rank).put("language", language).put("title", title).put("body", body)
                .put("data", new JsonObject(new HashMap<>(data)));
        if (jobEventId != null) {
            json.put("jobEventId", jobEventId);
        }
        if (collapseKey != null) {
            json.put("collapseKey", collapseKey);
        }
        return json;
    }

    public static NotificationPayload of(JsonObject json) {
        Map<String, String> data = new HashMap<>();
        json.getJsonObject("data", new JsonObject())
                .forEach(entry -> data.put(entry.getKey(), String.valueOf(entry.getValue())));
        return new NotificationPayload(json.getString("notificationKey"), UUID.fromString(json.getString("deviceId")),
                UUID.fromString(json.getString("personId")), DevicePlatform.valueOf(json.getString("platform")),
                json.getLong("jobEventId"), NotificationCategory.valueOf(json.getString("category")),
                PushPriority.valueOf(json.getString("priority")), json.getString("collapseKey"), json.getLong("rank"),
                json.getString("language"), json.getString("title"), json.getString("body"), data);
    }

    PushMessage message(Instant expiresAt, Instant now) {
        Duration ttl = Duration.between(now, expiresAt);
        Map<String, String> withPushId = new HashMap<>(data);
        withPushId.put("pushId", pushId().toString());
        return new PushMessage(title, body, withPushId, collapseKey, priority, ttl.isNegative() ? Duration.ZERO : ttl,
                expiresAt);
    }
}
