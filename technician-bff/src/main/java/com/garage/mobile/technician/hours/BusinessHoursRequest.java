package com.garage.mobile.technician.hours;

import com.garage.mobile.domain.hours.BusinessHoursDraft;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * The garage's business hours.
 *
 * @param timeZone    an IANA time zone, e.g. {@code Europe/London}
 * @param week        per day ({@code MONDAY}…{@code SUNDAY}) the intervals it is open, {@code HH:mm}; a day not
 *                    named or with no interval is closed
 * @param holidays    dates ({@code YYYY-MM-DD}) it is closed all day
 * @param baseVersion the hours' version the change is based on, unless sent as {@code If-Match}
 */
public record BusinessHoursRequest(
        @NotNull @Pattern(regexp = "[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,2}",
                message = "must be an IANA time zone such as Europe/London") String timeZone,
        @NotNull @Size(max = 7) Map<String, List<BusinessHoursDraft.Interval>> week,
        @Size(max = 366) List<String> holidays, @PositiveOrZero Long baseVersion) {
}
