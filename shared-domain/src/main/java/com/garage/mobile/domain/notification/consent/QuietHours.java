package com.garage.mobile.domain.notification.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When a person does not want to be disturbed, in their own time zone. A window whose end is
 * before its start runs over midnight (22:00 to 07:00).
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    /** The moment the window that holds {@code now} ends, or empty when {@code now} is not quiet. */
    public Optional<Instant> holdUntil(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean quiet = start.isBefore(end)
                ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
        if (!quiet) {
            return Optional.empty();
        }
        LocalDate endDay = time.isBefore(end) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        return Optional.of(ZonedDateTime.of(endDay, end, zone).toInstant());
    }
}
