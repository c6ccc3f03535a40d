package com.garage.mobile.domain.notification.device;

/**
 * Where a device is reached, checked and normalised: the token (the endpoint for web) and, for
 * web, the subscriber's keys.
 */
public record DeviceAddress(String token, String webPushP256dh, String webPushAuth) {
}
