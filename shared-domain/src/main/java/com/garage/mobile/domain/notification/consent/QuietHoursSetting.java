package com.garage.mobile.domain.notification.consent;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Quiet hours as the apps send and show them: local times and an IANA time zone.
 *
 * @param start when the quiet window starts, {@code HH:mm}
 * @param end   when it ends, {@code HH:mm}; before {@code start} for a window over midnight
 */
@RegisterForReflection
public record QuietHoursSetting(
        @NotNull @Pattern(regexp = TIME, message = TIME_MESSAGE) String start,
        @NotNull @Pattern(regexp = TIME, message = TIME_MESSAGE) String end,
        @NotNull @Size(min = 1, max = 64) String timeZone) {

    static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";
    static final String TIME_MESSAGE = "must be a time of day as HH:mm";

    public static QuietHoursSetting of(QuietHours hours) {
        return new QuietHoursSetting(hours.start().toString(), hours.end().toString(), hours.zone().getId());
    }

    QuietHours toQuietHours() {
        return new QuietHours(LocalTime.parse(start), LocalTime.parse(end), ZoneId.of(timeZone));
    }
}
