package com.garage.mobile.domain.notification.device;

/** Where a device receives pushes: FCM for Android, APNs for iOS, Web Push for browsers. */
public enum DevicePlatform {
    ANDROID,
    IOS,
    WEB
}
