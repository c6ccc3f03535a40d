package com.garage.mobile.domain.notification.device;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The provider gave this device a new token: replace the old one. Fields left out keep their value.
 *
 * @param baseVersion the device version the change is based on, unless sent as {@code If-Match}
 */
public record DeviceRefreshRequest(
        @Size(max = 2048) String token,
        @Valid WebPushSubscription subscription,
        @Pattern(regexp = DeviceRules.VERSION, message = DeviceRules.VERSION_MESSAGE) String appVersion,
        @Pattern(regexp = DeviceRules.VERSION, message = DeviceRules.VERSION_MESSAGE) String osVersion,
        @Pattern(regexp = DeviceRules.LOCALE, message = DeviceRules.LOCALE_MESSAGE) String locale,
        @Size(min = 1, max = 64) String timeZone,
        @PositiveOrZero Long baseVersion) {
}
