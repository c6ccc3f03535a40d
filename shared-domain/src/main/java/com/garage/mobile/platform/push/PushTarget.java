package com.garage.mobile.platform.push;

import com.garage.mobile.domain.notification.device.DevicePlatform;

/**
 * The device a push goes to.
 *
 * @param token    the FCM or APNs token, or the Web Push endpoint
 * @param staffApp whether the device runs the technician app (it picks the APNs topic)
 */
public record PushTarget(DevicePlatform platform, String token, String webPushP256dh, String webPushAuth,
        boolean staffApp) {
}
