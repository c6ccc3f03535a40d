package com.garage.mobile.domain.notification.consent;

import com.garage.mobile.domain.notification.NotificationCategory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.Map;

/**
 * The whole preferences document as the person leaves the settings screen.
 *
 * @param categories    the categories decided, consented ({@code true}) or not; one not named keeps its decision
 * @param quietHours    the quiet window, or null for none
 * @param screen        the app screen the change was made on, recorded in the ledger
 * @param policyVersion the privacy policy version the screen showed
 * @param baseVersion   the preferences version the change is based on, unless sent as {@code If-Match}
 */
public record PreferencesChange(
        @NotNull Map<NotificationCategory, Boolean> categories,
        @Valid QuietHoursSetting quietHours,
        @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9./_-]{0,99}", message = "must be a screen name such as settings/notifications")
        String screen,
        @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,39}", message = "must be a policy version such as 2025-06")
        String policyVersion,
        @PositiveOrZero Long baseVersion) {
}
