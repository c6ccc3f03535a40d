package com.garage.mobile.domain.notification.device;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * The provider gave this device a new token: replace the old one. Fields left out keep their value.
 *
 * @param baseVersion the device version the change is based on, unless sent as {@code If-Match}
 */
public record DeviceRefreshRequest(
        @Pattern(regexp = DeviceRules.TOKEN, message = DeviceRules.TOKEN_MESSAGE) String token,
        @Valid WebPushSubscription subscription,
        @Pattern(regexp = DeviceRules.VERSION, message = DeviceRules.VERSION_MESSAGE) String appVersion,
        @Pattern(regexp = DeviceRules.VERSION, message = DeviceRules.VERSION_MESSAGE) String osVersion,
        @Pattern(regexp = DeviceRules.LOCALE, message = DeviceRules.LOCALE_MESSAGE) String locale,
        @Pattern(regexp = DeviceRules.TIME_ZONE, message = DeviceRules.TIME_ZONE_MESSAGE) String timeZone,
        @PositiveOrZero Long baseVersion) {
}
