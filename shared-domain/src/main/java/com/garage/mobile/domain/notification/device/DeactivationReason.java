package com.garage.mobile.domain.notification.device;

/** Why a device no longer receives notifications. */
public enum DeactivationReason {
    /** Its user signed out on it. */
    UNREGISTERED,
    /** Another user registered its token, or it was refreshed onto a token another device held. */
    MOVED,
    /** The push provider said the token no longer reaches an installed app. */
    PROVIDER_REJECTED
}
