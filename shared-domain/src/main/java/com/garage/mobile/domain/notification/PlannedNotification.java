package com.garage.mobile.domain.notification;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One notification for one person, before it is worded and written for each of their devices.
 *
 * @param dedupeKey       what it announces (a job event, a reminder); with the device, written once
 * @param rank            orders notifications sharing the collapse key: a higher one replaces a lower
 * @param textKey         the texts' key, without {@code .title}/{@code .body}
 * @param values          placeholder values, the same in every language
 * @param localizedValues placeholder values that are themselves text keys, worded per language
 * @param language        the person's language tag, or null to follow each device's locale
 */
public record PlannedNotification(UUID garageId, UUID personId, NotificationCategory category, String dedupeKey,
        Long jobEventId, PushPriority priority, String collapseKey, long rank, Instant expiresAt, String textKey,
        Map<String, String> values, Map<String, String> localizedValues, Map<String, String> data, String language) {
}
