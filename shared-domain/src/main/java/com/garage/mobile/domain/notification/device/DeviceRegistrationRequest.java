package com.garage.mobile.domain.notification.device;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Register this phone or browser for notifications.
 *
 * @param token        the FCM registration token (Android) or the APNs device token (iOS)
 * @param subscription the Web Push subscription (web)
 * @param locale       the device's language, as a BCP 47 tag
 * @param timeZone     the device's IANA time zone
 */
public record DeviceRegistrationRequest(
        @NotNull DevicePlatform platform,
        @Pattern(regexp = DeviceRules.TOKEN, message = DeviceRules.TOKEN_MESSAGE) String token,
        @Valid WebPushSubscription subscription,
        @NotNull @Pattern(regexp = DeviceRules.VERSION, message = DeviceRules.VERSION_MESSAGE) String appVersion,
        @NotNull @Pattern(regexp = DeviceRules.VERSION, message = DeviceRules.VERSION_MESSAGE) String osVersion,
        @NotNull @Pattern(regexp = DeviceRules.LOCALE, message = DeviceRules.LOCALE_MESSAGE) String locale,
        @NotNull @Pattern(regexp = DeviceRules.TIME_ZONE, message = DeviceRules.TIME_ZONE_MESSAGE) String timeZone) {
}
