package com.garage.mobile.domain.notification;

/** How urgently a provider should wake the device: HIGH at once, NORMAL when it suits the battery. */
public enum PushPriority {
    HIGH,
    NORMAL
}
